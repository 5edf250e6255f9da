package org.cusax.xmpp.vcard4;

import static org.assertj.core.api.Assertions.assertThat;

import org.cusax.core.contact.RawTel;
import org.cusax.xmpp.contacts.ContactWiring;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** XEP-0292 §3 retrieval: the PEP items request (XEP-0060 §6.5.7) and reading its answer. */
class VCard4ManagerTest {
    @BeforeAll
    static void providers() {
        ContactWiring.registerProviders();
    }

    @Test
    void requestAsksForTheLastItemOfTheVcard4Node() throws Exception {
        String xml = VCard4Manager.request(JidCreate.bareFrom("bob@example.com")).toXML().toString();
        assertThat(xml).contains("to='bob@example.com'").contains("type='get'")
                .contains("<pubsub xmlns='http://jabber.org/protocol/pubsub'><items")
                .contains("node='urn:xmpp:vcard4' max_items='1'/></pubsub>");
    }

    @Test
    void answerGivesTheVcardTelsRaw() throws Exception {
        IQ answer = PacketParserUtils.parseStanza("<iq xmlns='jabber:client' type='result' id='1' from='bob@example.com'>"
                + "<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='urn:xmpp:vcard4'>"
                + "<item id='current'><vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'><tel><parameters><type>"
                + "<text>cell</text></type></parameters><uri>tel:+33611111111</uri></tel></vcard></item>"
                + "</items></pubsub></iq>");
        assertThat(VCard4Manager.vcard(answer)).hasValueSatisfying(v -> assertThat(VCard4Manager.rawTels(v))
                .containsExactly(RawTel.of("tel:+33611111111", "cell")));
    }

    @Test
    void answerWithoutItemOrWithAnotherPayloadGivesNothing() throws Exception {
        IQ noItem = PacketParserUtils.parseStanza("<iq xmlns='jabber:client' type='result' id='1'>"
                + "<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='urn:xmpp:vcard4'/></pubsub></iq>");
        IQ other = PacketParserUtils.parseStanza("<iq xmlns='jabber:client' type='result' id='1'>"
                + "<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='urn:xmpp:vcard4'><item id='x'>"
                + "<foo xmlns='urn:other'/></item></items></pubsub></iq>");
        assertThat(VCard4Manager.vcard(noItem)).isEmpty();
        assertThat(VCard4Manager.vcard(other)).isEmpty();
    }
}
