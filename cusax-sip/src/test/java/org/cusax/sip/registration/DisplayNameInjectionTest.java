package org.cusax.sip.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;

import org.cusax.core.account.Transport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RFC 3261 §25.1 (quoted-string) and §20.20: a display name from the configuration, which a provisioning
 * server may set, never ends our From/To header: the REGISTER we build, written out and parsed again, has
 * one From, one To and one Via, our address-of-record, and the display name as it was (issue 14 item 4).
 */
class DisplayNameInjectionTest {
    private static final String HOSTILE = "Bob\" <sip:evil@attacker.example>;tag=1\r\nVia: SIP/2.0/UDP evil\\";

    @Test
    @DisplayName("RFC 3261 §25.1: quotes, backslashes and line breaks in sip.display-name stay inside the quoted-string")
    void hostileDisplayNameCannotInjectHeaders() throws Exception {
        SipFactory sip = SipFactory.getInstance();
        AddressFactory addresses = sip.createAddressFactory();
        HeaderFactory headers = sip.createHeaderFactory();
        MessageFactory messages = sip.createMessageFactory();
        RegisterRequests requests = new RegisterRequests(addresses, headers, messages, new Point(),
                Transport.UDP, RegisterRequests.parseAor(addresses, "sip:alice@cusax.test"), HOSTILE, "cusax/test",
                List.of("INVITE", "ACK", "BYE"), headers.createCallIdHeader("c1@127.0.0.1"));
        Request built = requests.register(requests.contactUri(new InetSocketAddress("127.0.0.1", 5070)),
                Duration.ofMinutes(10), Optional.empty());

        Request reparsed = messages.createRequest(built.toString());

        assertThat(count(reparsed, FromHeader.NAME)).isEqualTo(1);
        assertThat(count(reparsed, ToHeader.NAME)).isEqualTo(1);
        assertThat(count(reparsed, ViaHeader.NAME)).isEqualTo(1);
        FromHeader from = (FromHeader) reparsed.getHeader(FromHeader.NAME);
        assertThat(from.getAddress().getURI().toString()).isEqualTo("sip:alice@cusax.test");
        assertThat(from.getTag()).isNotEqualTo("1");
        assertThat(from.getAddress().getDisplayName()).contains("sip:evil@attacker.example").doesNotContain("\r", "\n");
        assertThat(built.toString()).doesNotContain("\r\nVia: SIP/2.0/UDP evil");
    }

    @Test
    void quotedStringContentEscapesQuoteAndBackslashAndBlanksControls() {
        assertThat(RegisterRequests.quotedStringContent(" A \"B\" \\ C\r\nD\u0000 ")).isEqualTo("A \\\"B\\\" \\\\ C  D ");
        assertThat(RegisterRequests.quotedStringContent("Zoë Ñ")).isEqualTo("Zoë Ñ");
    }

    private static int count(Request r, String name) {
        int n = 0;
        for (var it = r.getHeaders(name); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

    /** Where the REGISTER says it is sent from (Via); no stack needed to build a request. */
    private static final class Point implements ListeningPoint {
        private static final long serialVersionUID = 1L;

        @Override
        public int getPort() {
            return 5070;
        }

        @Override
        public String getTransport() {
            return "UDP";
        }

        @Override
        public String getIPAddress() {
            return "127.0.0.1";
        }

        @Override
        public void setSentBy(String sentBy) {
        }

        @Override
        public String getSentBy() {
            return "127.0.0.1:5070";
        }

        @Override
        public Object clone() {
            return this;
        }
    }
}
