package org.cusax.xmpp.reach.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.cusax.xmpp.contacts.ContactWiring;
import org.cusax.xmpp.reach.ReachManager;
import org.cusax.xmpp.reach.element.ReachAddress;
import org.cusax.xmpp.reach.element.ReachElement;
import org.cusax.xmpp.testing.Xml;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** XEP-0152 §3 reading: in presence, odd addresses skipped, a broken stream left to Smack. */
class ReachProviderTest {
    @BeforeAll
    static void providers() {
        ContactWiring.registerProviders();
    }

    @Test
    void readFromPresence() throws Exception {
        Presence p = PacketParserUtils.parseStanza("<presence xmlns='jabber:client' from='bob@example.com/desk'>"
                + "<show>away</show><reach xmlns='urn:xmpp:reach:0'><addr uri='sip:bob@example.com'/>"
                + "<addr uri='tel:+15550100'><desc xml:lang='en'>desk</desc></addr></reach></presence>");
        assertThat(ReachManager.fromPresence(p)).contains(new ReachElement(List.of(ReachAddress.of("sip:bob@example.com"),
                new ReachAddress("tel:+15550100", List.of(new ReachAddress.Description("en", "desk"))))));
        assertThat(p.getMode()).isEqualTo(Presence.Mode.away);
    }

    @Test
    void invalidAddressesAreSkipped() throws Exception {
        ReachElement r = Xml.parse(ReachProvider.INSTANCE, "<reach xmlns='urn:xmpp:reach:0'>"
                + "<addr/><addr uri=''/><addr uri='no scheme'/><junk uri='sip:x@y'/>"
                + "<addr uri='sip:ok@example.com'><desc>" + "x".repeat(5000) + "</desc><deep><a><b/></a></deep></addr>"
                + "</reach>");
        assertThat(r).isEqualTo(ReachElement.of("sip:ok@example.com"));
    }

    @Test
    void aStreamThatBreaksInsideIsLeftToSmack() {
        // RFC 6120 §4.9.3.1: XML that is not well-formed is a stream error; Smack's reader ends the stream
        assertThatThrownBy(() -> Xml.parse(ReachProvider.INSTANCE, "<reach xmlns='urn:xmpp:reach:0'><addr"))
                .isInstanceOf(XmlPullParserException.class);
    }
}
