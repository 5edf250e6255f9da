package org.cusax.xmpp.vcardtemp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.cusax.core.contact.RawTel;
import org.cusax.xmpp.contacts.ContactWiring;
import org.cusax.xmpp.vcardtemp.element.VCardTel;
import org.cusax.xmpp.vcardtemp.element.VCardTempIq;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** XEP-0054 TEL type mapping to the core's raw tels, and the XEP-0153 hash read from presence. */
class VCardTelManagerTest {
    @BeforeAll
    static void providers() {
        ContactWiring.registerProviders();
    }

    @Test
    void telsAreHandedOverRawWithTheirTypeElementNames() {
        VCardTempIq v = new VCardTempIq(List.of(VCardTel.of("+33 6 12 34 56 78", "CELL", "VOICE"),
                VCardTel.of("01 99", "FAX"), VCardTel.of("sip:bob@example.com")), Optional.empty());
        assertThat(VCardTelManager.rawTels(v)).containsExactly(RawTel.of("+33 6 12 34 56 78", "CELL", "VOICE"),
                RawTel.of("01 99", "FAX"), RawTel.of("sip:bob@example.com"));
    }

    @Test
    void photoHashOfPresence() throws Exception {
        Presence with = PacketParserUtils.parseStanza("<presence xmlns='jabber:client' from='bob@example.com/x'>"
                + "<x xmlns='vcard-temp:x:update'><photo>abc123</photo></x></presence>");
        Presence empty = PacketParserUtils.parseStanza("<presence xmlns='jabber:client' from='bob@example.com/x'>"
                + "<x xmlns='vcard-temp:x:update'><photo/></x></presence>");
        Presence none = PacketParserUtils.parseStanza("<presence xmlns='jabber:client' from='bob@example.com/x'/>");
        assertThat(VCardTelManager.advertisedPhoto(with)).contains("abc123");
        assertThat(VCardTelManager.advertisedPhoto(empty)).contains("");
        assertThat(VCardTelManager.advertisedPhoto(none)).isEmpty();
    }
}
