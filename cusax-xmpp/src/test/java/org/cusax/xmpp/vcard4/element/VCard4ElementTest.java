package org.cusax.xmpp.vcard4.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;

import org.cusax.xmpp.testing.Xml;
import org.cusax.xmpp.vcard4.provider.VCard4Provider;
import org.junit.jupiter.api.Test;

/** XEP-0292 §3 / RFC 6351 xCard tel: build → XML → parse (through ez-vcard) round trip, validation. */
class VCard4ElementTest {
    @Test
    void roundTripKeepsUriAndTextTelsWithTheirTypes() throws Exception {
        VCard4Element built = new VCard4Element(List.of(
                VCard4Tel.of("tel:+33-6-12-34-56-78", "cell", "voice", "pref"),
                VCard4Tel.of("tel:+33123456789;ext=42", "work"),
                VCard4Tel.of("sip:bob@example.com", "video"),
                VCard4Tel.of("06 12 34 56 78"),
                VCard4Tel.of("+1 555 0100", "home", "fax")));
        String xml = built.toXML().toString();
        assertThat(xml).startsWith("<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'><tel><parameters><type>"
                + "<text>cell</text><text>voice</text></type><pref><integer>1</integer></pref></parameters>"
                + "<uri>tel:+33-6-12-34-56-78</uri></tel>");
        assertThat(xml).contains("<text>06 12 34 56 78</text>");
        assertThat(Xml.roundTrip(VCard4Provider.INSTANCE, built)).isEqualTo(built);
    }

    @Test
    void emptyVcardRoundTrips() throws Exception {
        VCard4Element empty = new VCard4Element(List.of());
        assertThat(empty.toXML().toString()).isEqualTo("<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'/>");
        assertThat(Xml.roundTrip(VCard4Provider.INSTANCE, empty)).isEqualTo(empty);
    }

    @Test
    void validates() {
        assertThatThrownBy(() -> VCard4Tel.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VCard4Tel.of("1", "not a type")).isInstanceOf(IllegalArgumentException.class);
        assertThat(VCard4Tel.of(" tel:1 ", "CELL", "cell").types()).containsExactly("cell");
        assertThat(VCard4Tel.of("tel:1").isUri()).isTrue();
        assertThat(VCard4Tel.of("06 12").isUri()).isFalse();
        assertThatThrownBy(() -> new VCard4Element(Collections.nCopies(VCard4Element.MAX_TELS + 1, VCard4Tel.of("1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
