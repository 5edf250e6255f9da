package org.cusax.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sip.SipFactory;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;

import org.cusax.core.account.Secret;
import org.junit.jupiter.api.Test;

/** RFC 3261 §22.2/§22.3 with RFC 7616 §3.4: the credentials we put on a REGISTER. */
class DigestAuthenticatorTest {
    private static Request register() throws Exception {
        MessageFactory mf = SipFactory.getInstance().createMessageFactory();
        return mf.createRequest("REGISTER sip:cusax.test SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n"
                + "From: <sip:alice@cusax.test>;tag=1\r\nTo: <sip:alice@cusax.test>\r\n"
                + "Call-ID: c1\r\nCSeq: 1 REGISTER\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
    }

    private static DigestAuthenticator authenticator() {
        return new DigestAuthenticator("alice", Secret.of("s3cret-pw"), new ChallengeSelector(List.of("SHA-256", "MD5")),
                SipHeaders.FACTORY);
    }

    @Test
    void answersWithQopAuthCnonceNcAndEchoesOpaque() throws Exception {
        Request r = register();
        DigestChallenge c = SipHeaders.www("Digest realm=\"cusax.test\", nonce=\"N1\", opaque=\"OP\", algorithm=SHA-256, qop=\"auth\"");
        assertThat(authenticator().answer(r, List.of(c))).contains("SHA-256");
        AuthorizationHeader h = (AuthorizationHeader) r.getHeader(AuthorizationHeader.NAME);
        assertThat(h.getUsername()).isEqualTo("alice");
        assertThat(h.getRealm()).isEqualTo("cusax.test");
        assertThat(h.getAlgorithm()).isEqualTo("SHA-256");
        assertThat(h.getQop()).isEqualTo("auth");
        assertThat(h.getOpaque()).isEqualTo("OP");
        assertThat(h.getNonceCount()).isEqualTo(1);
        assertThat(h.toString()).contains("nc=00000001").doesNotContain("s3cret-pw");
        assertThat(h.getResponse()).isEqualTo(DigestCalculator.response("SHA-256", "alice", "cusax.test",
                "s3cret-pw".toCharArray(), "REGISTER", "sip:cusax.test", "N1", "00000001", h.getCNonce(), "auth"));
    }

    @Test
    void preemptiveAnswersReuseTheNonceWithTheNextCount() throws Exception {
        DigestAuthenticator auth = authenticator();
        DigestChallenge c = SipHeaders.www("Digest realm=\"cusax.test\", nonce=\"N1\", algorithm=MD5, qop=\"auth\"");
        auth.answer(register(), List.of(c));
        Request refresh = register();
        assertThat(auth.answerPreemptively(refresh)).contains("MD5");
        AuthorizationHeader h = (AuthorizationHeader) refresh.getHeader(AuthorizationHeader.NAME);
        assertThat(h.getNonceCount()).isEqualTo(2);
        assertThat(h.toString()).contains("nc=00000002");
        auth.forget();
        assertThat(auth.answerPreemptively(register())).isEmpty();
    }

    @Test
    void proxyChallengeGetsProxyAuthorization() throws Exception {
        Request r = register();
        authenticator().answer(r, List.of(SipHeaders.proxy("Digest realm=\"p\", nonce=\"N\", algorithm=MD5")));
        assertThat(r.getHeader(ProxyAuthorizationHeader.NAME)).isNotNull();
        assertThat(r.getHeader(AuthorizationHeader.NAME)).isNull();
        ProxyAuthorizationHeader h = (ProxyAuthorizationHeader) r.getHeader(ProxyAuthorizationHeader.NAME);
        assertThat(h.getQop()).isNull();
        assertThat(h.getResponse()).isEqualTo(DigestCalculator.response("MD5", "alice", "p", "s3cret-pw".toCharArray(),
                "REGISTER", "sip:cusax.test", "N", null, null, null));
    }

    @Test
    void nothingAcceptableAddsNothing() throws Exception {
        Request r = register();
        assertThat(authenticator().answer(r, List.of(SipHeaders.www("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256"))))
                .isEmpty();
        assertThat(r.getHeader(AuthorizationHeader.NAME)).isNull();
    }
}
