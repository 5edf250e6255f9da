package org.cusax.xmpp.vcardtemp.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.cusax.xmpp.contacts.ContactWiring;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** XEP-0054 §3.1 vCard IQ: build → XML → parse round trip, request form, validation. */
class VCardTempIqTest {
    @BeforeAll
    static void providers() {
        ContactWiring.registerProviders();
    }

    @Test
    void roundTripKeepsEveryTelWithAllItsTypes() throws Exception {
        VCardTempIq built = new VCardTempIq(List.of(
                VCardTel.of("+33 6 12 34 56 78", "CELL", "VOICE"),
                VCardTel.of("+33 1 23 45 67 89", "WORK", "VOICE", "PREF"),
                VCardTel.of("+33 1 23 45 67 00", "WORK", "FAX"),
                VCardTel.of("sip:bob@example.com", "VIDEO"),
                VCardTel.of("tel:+33123456789;ext=42"),
                VCardTel.of("0612", "HOME", "PAGER", "MSG", "BBS", "MODEM", "ISDN", "PCS")), Optional.of(""));
        built.setType(IQ.Type.result);
        built.setStanzaId("v1");
        String xml = built.toXML().toString();
        assertThat(xml).contains("<vCard xmlns='vcard-temp'><TEL><CELL/><VOICE/><NUMBER>+33 6 12 34 56 78</NUMBER></TEL>");

        IQ parsed = PacketParserUtils.parseStanza(xml);
        assertThat(parsed).isInstanceOfSatisfying(VCardTempIq.class, v -> {
            assertThat(v.tels()).isEqualTo(built.tels());
            assertThat(v.photoHash()).contains("");
            assertThat(v.malformed()).isFalse();
        });
    }

    @Test
    void requestIsAnEmptyGet() throws Exception {
        VCardTempIq request = VCardTempIq.request(JidCreate.bareFrom("bob@example.com"));
        String xml = request.toXML().toString();
        assertThat(xml).contains("type='get'").contains("to='bob@example.com'").contains("<vCard xmlns='vcard-temp'/>");
        assertThat(((VCardTempIq) PacketParserUtils.parseStanza(xml)).tels()).isEmpty();
    }

    @Test
    void validatesTelsAndTheirCount() {
        assertThatThrownBy(() -> VCardTel.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VCardTel.of("1", "MOBILE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VCardTel.of("1".repeat(VCardTel.MAX_NUMBER_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(VCardTel.of(" 12 ", "cell", "CELL").types()).containsExactly("CELL");
        assertThat(VCardTel.of(" 12 ").number()).isEqualTo("12");
        List<VCardTel> tooMany = Collections.nCopies(VCardTempIq.MAX_TELS + 1, VCardTel.of("1"));
        assertThatThrownBy(() -> new VCardTempIq(tooMany, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VCardTempIq(List.of(), Optional.of("not-hex")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
