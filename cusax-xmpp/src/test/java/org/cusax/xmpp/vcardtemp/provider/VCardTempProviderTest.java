package org.cusax.xmpp.vcardtemp.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.cusax.xmpp.contacts.ContactWiring;
import org.cusax.xmpp.vcardtemp.element.VCardTel;
import org.cusax.xmpp.vcardtemp.element.VCardTempIq;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * XEP-0054 §3.1 TEL reading: every TEL with all its types (not Smack's one-per-type model), odd and
 * malformed vCards, the photo hash of XEP-0153 §4.3, and that our provider is the one Smack uses.
 */
class VCardTempProviderTest {
    @BeforeAll
    static void providers() {
        ContactWiring.registerProviders();
    }

    private static VCardTempIq result(String vcardXml) throws Exception {
        IQ iq = PacketParserUtils.parseStanza("<iq xmlns='jabber:client' type='result' id='1' from='bob@example.com'>"
                + vcardXml + "</iq>");
        assertThat(iq).isInstanceOf(VCardTempIq.class);
        return (VCardTempIq) iq;
    }

    @Test
    void ourProviderReplacesSmacks() {
        assertThat(ProviderManager.getIQProvider(VCardTempIq.ELEMENT, VCardTempIq.NAMESPACE))
                .isSameAs(VCardTempProvider.INSTANCE);
    }

    @Test
    void keepsSeveralTelsOfTheSameTypeAndTelsWithoutType() throws Exception {
        VCardTempIq v = result("<vCard xmlns='vcard-temp'><FN>Bob</FN>"
                + "<TEL><WORK/><VOICE/><NUMBER>+33 1 11</NUMBER></TEL>"
                + "<TEL><WORK/><VOICE/><NUMBER>+33 1 22</NUMBER></TEL>"
                + "<TEL><NUMBER>06 12 34 56 78</NUMBER></TEL>"
                + "<TEL><HOME/><FAX/><NUMBER>01 99</NUMBER></TEL>"
                + "<TEL><PREF/><CELL/><NUMBER>sip:bob@example.com</NUMBER></TEL>"
                + "<TEL><WORK/><NUMBER>tel:+33123456789;ext=42</NUMBER></TEL></vCard>");
        assertThat(v.tels()).containsExactly(VCardTel.of("+33 1 11", "WORK", "VOICE"),
                VCardTel.of("+33 1 22", "WORK", "VOICE"), VCardTel.of("06 12 34 56 78"),
                VCardTel.of("01 99", "HOME", "FAX"), VCardTel.of("sip:bob@example.com", "PREF", "CELL"),
                VCardTel.of("tel:+33123456789;ext=42", "WORK"));
    }

    @Test
    void everyDtdTypeIsKept() throws Exception {
        StringBuilder types = new StringBuilder();
        VCardTel.TYPES.forEach(t -> types.append('<').append(t).append("/>"));
        VCardTempIq v = result("<vCard xmlns='vcard-temp'><TEL>" + types + "<NUMBER>1</NUMBER></TEL></vCard>");
        assertThat(v.tels()).singleElement().satisfies(t -> assertThat(t.types()).isEqualTo(VCardTel.TYPES));
    }

    @Test
    void emptyVcardsAndTelsWithoutNumberGiveNoTels() throws Exception {
        assertThat(result("<vCard xmlns='vcard-temp'/>").tels()).isEmpty();
        assertThat(result("<vCard xmlns='vcard-temp'><TEL><CELL/></TEL><TEL><NUMBER>  </NUMBER></TEL>"
                + "<TEL><VOICE/><NUMBER/></TEL></vCard>").tels()).isEmpty();
    }

    @Test
    void oddButReadableInputIsReadLeniently() throws Exception {
        VCardTempIq v = result("<vCard xmlns='vcard-temp'>"
                + "<tel><cell/><number> 06 11 </number></tel>"               // lower case
                + "<TEL><X-CUSTOM/><CELL><junk/></CELL><NUMBER>06 22<b>x</b></NUMBER><NUMBER>06 33</NUMBER></TEL>"
                + "<ADR><TEL><NUMBER>nested, not a TEL of the vCard</NUMBER></TEL></ADR>"
                + "<TEL><NUMBER>" + "9".repeat(VCardTel.MAX_NUMBER_LENGTH + 1) + "</NUMBER></TEL>"
                + "<TEL><NUMBER>a &amp; b</NUMBER></TEL></vCard>");
        assertThat(v.tels()).containsExactly(VCardTel.of("06 11", "CELL"), VCardTel.of("06 22", "CELL"),
                VCardTel.of("a & b"));
        assertThat(v.malformed()).isFalse();
    }

    @Test
    void hugeVcardsAreCutAtTheLimitWithoutFailing() throws Exception {
        StringBuilder sb = new StringBuilder("<vCard xmlns='vcard-temp'><PHOTO><BINVAL>")
                .append("A".repeat(400_000)).append("</BINVAL></PHOTO>");
        for (int i = 0; i < 1000; i++) {
            sb.append("<TEL><CELL/><NUMBER>+1 555 ").append(i).append("</NUMBER></TEL>");
        }
        VCardTempIq v = result(sb.append("</vCard>").toString());
        assertThat(v.tels()).hasSize(VCardTempIq.MAX_TELS);
        assertThat(v.truncated()).isTrue();
        assertThat(v.tels().get(0).number()).isEqualTo("+1 555 0");
    }

    @Test
    void deeplyNestedJunkDoesNotThrow() throws Exception {
        String deep = "<a>".repeat(5000) + "</a>".repeat(5000);
        VCardTempIq v = result("<vCard xmlns='vcard-temp'><TEL><NUMBER>1</NUMBER></TEL>" + deep + "</vCard>");
        assertThat(v.tels()).containsExactly(VCardTel.of("1"));
    }

    @Test
    void aStreamThatBreaksInsideAVcardIsLeftToSmack() {
        // RFC 6120 §4.9.3.1: XML that is not well-formed is a stream error; Smack's reader ends the stream
        assertThatThrownBy(() -> result("<vCard xmlns='vcard-temp'><TEL>"))
                .isInstanceOf(XmlPullParserException.class);
    }

    @Test
    void photoHashIsTheSha1OfTheImageData() throws Exception {
        byte[] image = "not really a PNG".getBytes(StandardCharsets.US_ASCII);
        String b64 = Base64.getMimeEncoder(8, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(image);
        String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(image));
        assertThat(result("<vCard xmlns='vcard-temp'><PHOTO><TYPE>image/png</TYPE><BINVAL>\n" + b64
                + "\n</BINVAL></PHOTO></vCard>").photoHash()).contains(sha1);
        assertThat(result("<vCard xmlns='vcard-temp'><FN>x</FN></vCard>").photoHash()).contains("");
        assertThat(result("<vCard xmlns='vcard-temp'><PHOTO><EXTVAL>http://x/y.png</EXTVAL></PHOTO></vCard>")
                .photoHash()).isEmpty();
        assertThat(result("<vCard xmlns='vcard-temp'><PHOTO><BINVAL>!!!</BINVAL></PHOTO></vCard>").photoHash())
                .isEmpty();
    }

    @Test
    void photoBytesAreKeptUpToTheAvatarBound() throws Exception {
        byte[] small = new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        VCardTempIq v = result("<vCard xmlns='vcard-temp'><PHOTO><TYPE>image/png</TYPE><BINVAL>"
                + Base64.getEncoder().encodeToString(small) + "</BINVAL></PHOTO></vCard>");
        assertThat(v.photoData()).hasValueSatisfying(d -> assertThat(d).isEqualTo(small));

        byte[] big = new byte[org.cusax.core.contact.Avatar.MAX_BYTES + 1];
        VCardTempIq tooBig = result("<vCard xmlns='vcard-temp'><PHOTO><BINVAL>" + Base64.getEncoder().encodeToString(big)
                + "</BINVAL></PHOTO></vCard>");
        assertThat(tooBig.photoData()).as("over the bound: hash only").isEmpty();
        assertThat(tooBig.photoHash()).get().asString().hasSize(40);
        assertThat(result("<vCard xmlns='vcard-temp'><FN>x</FN></vCard>").photoData()).isEmpty();
    }

    @Test
    void theStreamParserIsLeftAfterTheVcard() throws Exception {
        // A bad vCard inside a stanza must not disturb what follows it in the same stanza.
        IQ iq = PacketParserUtils.parseStanza("<iq xmlns='jabber:client' type='result' id='2'>"
                + "<vCard xmlns='vcard-temp'><TEL><NUMBER><x><y/></x></NUMBER></TEL></vCard></iq>");
        assertThat(((VCardTempIq) iq).tels()).isEmpty();
        assertThat(iq.getStanzaId()).isEqualTo("2");
        assertThat(List.of(iq.getType())).containsExactly(IQ.Type.result);
    }
}
