package org.cusax.xmpp.vcard4.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.cusax.xmpp.testing.Xml;
import org.cusax.xmpp.vcard4.element.VCard4Element;
import org.cusax.xmpp.vcard4.element.VCard4Tel;
import org.junit.jupiter.api.Test;

/** RFC 6351 xCard tel properties as XEP-0292 §3 publishes them: both value forms, odd and broken input. */
class VCard4ProviderTest {
    private static final String NS = "urn:ietf:params:xml:ns:vcard-4.0";

    private static VCard4Element parse(String inner) throws Exception {
        return Xml.parse(VCard4Provider.INSTANCE, "<vcard xmlns='" + NS + "'>" + inner + "</vcard>");
    }

    @Test
    void readsTheTelsOfARealisticVcard() throws Exception {
        VCard4Element v = parse("<fn><text>Bob</text></fn><n><surname>B</surname><given>Bob</given></n>"
                + "<tel><parameters><type><text>cell</text></type></parameters><uri>tel:+33611111111</uri></tel>"
                + "<tel><parameters><type><text>work</text><text>voice</text></type><pref><integer>1</integer></pref>"
                + "</parameters><uri>tel:+33-1-23-45-67-89;ext=42</uri></tel>"
                + "<tel><text>06 12 34 56 78</text></tel>"
                + "<tel><uri>sip:bob@example.com</uri></tel>"
                + "<email><text>bob@example.com</text></email>");
        assertThat(v.malformed()).isFalse();
        assertThat(v.tels()).containsExactly(VCard4Tel.of("tel:+33611111111", "cell"),
                VCard4Tel.of("tel:+33-1-23-45-67-89;ext=42", "work", "voice", "pref"),
                VCard4Tel.of("06 12 34 56 78"), VCard4Tel.of("sip:bob@example.com"));
    }

    @Test
    void telsWithoutValueAreSkippedAndAVcardWithoutTelHasNone() throws Exception {
        assertThat(parse("<tel/><tel><uri></uri></tel><tel><text>  </text></tel>").tels()).isEmpty();
        assertThat(parse("<fn><text>Nobody</text></fn>").tels()).isEmpty();
    }

    @Test
    void junkGivesAnEmptyMalformedElementAndNeverThrows() throws Exception {
        assertThat(VCard4Provider.read("<vcard xmlns='" + NS + "'><tel>")).satisfies(v -> {
            assertThat(v.tels()).isEmpty();
            assertThat(v.malformed()).isTrue();
        });
        assertThat(VCard4Provider.read("<other xmlns='urn:x'/>").malformed()).isTrue();
        assertThat(VCard4Provider.read(null).malformed()).isTrue();
        assertThat(parse("<tel><parameters><type><text>bad type!</text></type></parameters><uri>tel:1</uri></tel>")
                .tels()).containsExactly(VCard4Tel.of("tel:1"));
    }

    @Test
    void manyTelsAreCutAtTheLimit() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            sb.append("<tel><uri>tel:+1555").append(i).append("</uri></tel>");
        }
        assertThat(parse(sb.toString()).tels()).hasSize(VCard4Element.MAX_TELS);
    }
}
