package org.cusax.xmpp.reach.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;

import org.cusax.xmpp.reach.provider.ReachProvider;
import org.cusax.xmpp.testing.Xml;
import org.junit.jupiter.api.Test;

/** XEP-0152 §3 reach element: build → XML → parse round trip (with descriptions and xml:lang), validation. */
class ReachElementTest {
    @Test
    void roundTripWithDescriptions() throws Exception {
        ReachElement built = new ReachElement(List.of(
                new ReachAddress("tel:+1-303-555-1212", List.of(new ReachAddress.Description("en", "Conference room"),
                        new ReachAddress.Description("fr", "Salle <B> & co"))),
                ReachAddress.of("sip:room123@example.com"),
                new ReachAddress("xmpp:room@example.com", List.of(new ReachAddress.Description("", "no lang")))));
        String xml = built.toXML().toString();
        assertThat(xml).startsWith("<reach xmlns='urn:xmpp:reach:0'><addr uri='tel:+1-303-555-1212'>"
                + "<desc xml:lang='en'>Conference room</desc>");
        assertThat(xml).contains("<addr uri='sip:room123@example.com'/>").contains("Salle &lt;B&gt; &amp; co");
        assertThat(Xml.roundTrip(ReachProvider.INSTANCE, built)).isEqualTo(built);
    }

    @Test
    void emptyRoundTrips() throws Exception {
        ReachElement empty = new ReachElement(List.of());
        assertThat(empty.toXML().toString()).isEqualTo("<reach xmlns='urn:xmpp:reach:0'/>");
        assertThat(Xml.roundTrip(ReachProvider.INSTANCE, empty)).isEqualTo(empty);
    }

    @Test
    void validates() {
        assertThatThrownBy(() -> ReachAddress.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReachAddress.of("not a uri")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReachAddress.of("sip:" + "a".repeat(ReachAddress.MAX_URI_LENGTH)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReachElement(Collections.nCopies(ReachElement.MAX_ADDRESSES + 1,
                ReachAddress.of("sip:a@b")))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ReachAddress.of(" SIP:a@b ").scheme()).isEqualTo("sip");
    }
}
