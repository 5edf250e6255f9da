package org.cusax.xmpp.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cusax.xmpp.contacts.ContactWiring;
import org.cusax.xmpp.vcardtemp.element.VCardTel;
import org.cusax.xmpp.vcardtemp.element.VCardTempIq;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RFC 6120 §11.1 (no DTDs, no entity declarations in XMPP) against a hostile contact or server: an entity
 * expansion bomb or an external entity inside a vCard is refused unexpanded (Smack 4.4's StAX factory turns DTD
 * support, external entities and entity replacement off, so a declared entity counts as undeclared and the
 * stanza is a parse error, which ends the stream); this proves it on the very path a vCard result takes,
 * and a vCard with a million-level nesting or thousands of TELs is read within fixed limits.
 */
class HostileXmlTest {
    private static final String BOMB = "<!DOCTYPE iq [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
            + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
            + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
            + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
            + "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
            + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";

    @BeforeAll
    static void providers() {
        ContactWiring.registerProviders();
    }

    @Test
    @DisplayName("RFC 6120 §11.1: a billion-laughs vCard (20^7 × 20 characters) is refused unexpanded")
    void entityExpansionBombIsNotExpanded() {
        assertThatThrownBy(() -> PacketParserUtils.parseStanza(BOMB
                + "<iq xmlns='jabber:client' type='result' id='1' from='eve@evil.example'>"
                + "<vCard xmlns='vcard-temp'><TEL><CELL/><NUMBER>&g;</NUMBER></TEL>"
                + "<TEL><NUMBER>+33 6 12 34 56 78</NUMBER></TEL></vCard></iq>"))
                .isInstanceOf(XmlPullParserException.class)
                .hasMessageContaining("\"g\" was referenced, but not declared");
    }

    @Test
    @DisplayName("RFC 6120 §11.1: an external entity in a vCard is refused, never read from the file system")
    void externalEntityIsNotResolved() {
        assertThatThrownBy(() -> PacketParserUtils.parseStanza(BOMB
                + "<iq xmlns='jabber:client' type='result' id='2' from='eve@evil.example'>"
                + "<vCard xmlns='vcard-temp'><TEL><NUMBER>&xxe;</NUMBER></TEL></vCard></iq>"))
                .isInstanceOf(XmlPullParserException.class)
                .hasMessageContaining("\"xxe\" was referenced, but not declared")
                .hasMessageNotContaining("root:");
    }

    @Test
    @DisplayName("XML 1.0 §4.1: the predefined and character references still read as text")
    void predefinedEntitiesAreText() throws Exception {
        VCardTempIq iq = (VCardTempIq) PacketParserUtils.parseStanza(
                "<iq xmlns='jabber:client' type='result' id='4' from='eve@evil.example'><vCard xmlns='vcard-temp'>"
                + "<TEL><NUMBER>&lt;sip:a@b&gt;&amp;&#43;1</NUMBER></TEL></vCard></iq>");
        assertThat(iq.tels()).extracting(VCardTel::number).containsExactly("<sip:a@b>&+1");
    }

    @Test
    @DisplayName("XEP-0054: 5,000 TELs and 20,000 nested elements are read within the limits")
    void oversizedVCardIsReadWithinLimits() throws Exception {
        StringBuilder v = new StringBuilder("<iq xmlns='jabber:client' type='result' id='3' from='eve@evil.example'>"
                + "<vCard xmlns='vcard-temp'>");
        v.append("<X>".repeat(20_000)).append("</X>".repeat(20_000));
        for (int i = 0; i < 5_000; i++) {
            v.append("<TEL><NUMBER>+3361234").append(String.format("%04d", i)).append("</NUMBER></TEL>");
        }
        v.append("<TEL><NUMBER>").append("9".repeat(100_000)).append("</NUMBER></TEL>");
        VCardTempIq iq = (VCardTempIq) PacketParserUtils.parseStanza(v.append("</vCard></iq>").toString());
        assertThat(iq.tels()).hasSize(VCardTempIq.MAX_TELS);
        assertThat(iq.truncated()).isTrue();
        assertThat(iq.tels().get(0).number()).isEqualTo("+33612340000");
    }
}
