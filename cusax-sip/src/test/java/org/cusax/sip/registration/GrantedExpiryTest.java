package org.cusax.sip.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javax.sip.SipFactory;
import javax.sip.address.SipURI;
import javax.sip.message.Response;

import org.junit.jupiter.api.Test;

/** RFC 3261 §10.2.4: the lifetime granted is our Contact's expires, else Expires, else what we asked. */
class GrantedExpiryTest {
    private static final Duration ASKED = Duration.ofSeconds(600);

    private static Response ok(String extraHeaders) throws Exception {
        return SipFactory.getInstance().createMessageFactory().createResponse("SIP/2.0 200 OK\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:5071;branch=z9hG4bK1;rport=40000\r\n"
                + "From: <sip:alice@cusax.test>;tag=1\r\nTo: <sip:alice@cusax.test>;tag=2\r\n"
                + "Call-ID: c1\r\nCSeq: 2 REGISTER\r\n" + extraHeaders + "Content-Length: 0\r\n\r\n");
    }

    private static SipURI ours() throws Exception {
        SipURI uri = SipFactory.getInstance().createAddressFactory().createSipURI("alice", "127.0.0.1");
        uri.setPort(40000);
        uri.setTransportParam("tls");
        return uri;
    }

    @Test
    void ourContactsExpiresWins() throws Exception {
        Response r = ok("Contact: <sip:alice@127.0.0.1:39999;transport=tls>;expires=900\r\n"
                + "Contact: <sip:alice@127.0.0.1:40000;transport=TLS>;expires=120\r\nExpires: 300\r\n");
        assertThat(GrantedExpiry.of(r, ours(), ASKED)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void otherwiseTheExpiresHeader() throws Exception {
        Response r = ok("Contact: <sip:alice@127.0.0.1:39999;transport=tls>;expires=900\r\nExpires: 300\r\n");
        assertThat(GrantedExpiry.of(r, ours(), ASKED)).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void otherwiseWhatWeAskedFor() throws Exception {
        assertThat(GrantedExpiry.of(ok(""), ours(), ASKED)).isEqualTo(ASKED);
    }
}
