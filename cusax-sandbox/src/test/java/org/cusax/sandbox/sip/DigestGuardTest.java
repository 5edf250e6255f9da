package org.cusax.sandbox.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sip.SipFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.cusax.core.testing.MutableClock;
import org.cusax.sip.auth.DigestCalculator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RFC 7616 / RFC 8760 digest on the server side: challenges, verification, stale nonces. */
class DigestGuardTest {
    private static final String REGISTER = "REGISTER sip:sandbox.test SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\nMax-Forwards: 70\r\n"
            + "From: <sip:bob@sandbox.test>;tag=1\r\nTo: <sip:bob@sandbox.test>\r\nCall-ID: x\r\n"
            + "CSeq: 1 REGISTER\r\nContent-Length: 0\r\n";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SandboxUsers users = new SandboxUsers();

    private DigestGuard guard(java.time.Clock c) throws Exception {
        users.add("bob", "s3cret");
        return new DigestGuard("sandbox.test", List.of("SHA-256", "MD5"), users,
                SipFactory.getInstance().createHeaderFactory(), c);
    }

    private static Request request(String extra) throws Exception {
        MessageFactory m = SipFactory.getInstance().createMessageFactory();
        return m.createRequest(REGISTER + extra + "\r\n");
    }

    private static String authorization(String algorithm, String user, String password, String nonce) {
        String response = DigestCalculator.response(algorithm, user, "sandbox.test", password.toCharArray(),
                "REGISTER", "sip:sandbox.test", nonce, "00000001", "abc", "auth");
        return "Authorization: Digest username=\"" + user + "\", realm=\"sandbox.test\", nonce=\"" + nonce
                + "\", uri=\"sip:sandbox.test\", response=\"" + response + "\", algorithm=" + algorithm
                + ", qop=auth, nc=00000001, cnonce=\"abc\"\r\n";
    }

    @Test
    @DisplayName("RFC 8760 §2.4: SHA-256 is offered before MD5, both with qop=auth, realm = domain")
    void challengeOrder() throws Exception {
        DigestGuard g = guard(clock);
        Response r = SipFactory.getInstance().createMessageFactory().createResponse(401, request(""));
        g.challenge(r, false);
        List<String> challenges = new ArrayList<>();
        r.getHeaders("WWW-Authenticate").forEachRemaining(h -> challenges.add(h.toString()));
        assertThat(challenges).hasSize(2);
        assertThat(challenges.get(0)).contains("algorithm=SHA-256").contains("realm=\"sandbox.test\"")
                .contains("qop=\"auth\"");
        assertThat(challenges.get(1)).contains("algorithm=MD5");
    }

    @Test
    @DisplayName("RFC 7616 §3.4: right password passes with either algorithm; wrong password, wrong user fail")
    void verification() throws Exception {
        DigestGuard g = guard(clock);
        String nonce = g.newNonce();
        assertThat(g.verify(request(""), false, "bob")).isEqualTo(DigestGuard.Verdict.MISSING);
        assertThat(g.verify(request(authorization("SHA-256", "bob", "s3cret", nonce)), false, "bob"))
                .isEqualTo(DigestGuard.Verdict.OK);
        assertThat(g.verify(request(authorization("MD5", "bob", "s3cret", nonce)), false, "bob"))
                .isEqualTo(DigestGuard.Verdict.OK);
        assertThat(g.verify(request(authorization("SHA-256", "bob", "guess", nonce)), false, "bob"))
                .isEqualTo(DigestGuard.Verdict.WRONG);
        assertThat(g.verify(request(authorization("SHA-256", "bob", "s3cret", nonce)), false, "alice"))
                .isEqualTo(DigestGuard.Verdict.WRONG);
        assertThat(g.verify(request(authorization("SHA-256", "bob", "s3cret", "forged")), false, "bob"))
                .isEqualTo(DigestGuard.Verdict.STALE);
    }

    private static String hex(String jca, String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(jca)
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("RFC 7616 §3.9.1: the response from a stored HA1 is the RFC's example response, SHA-256 and MD5")
    void responseFromStoredHa1MatchesTheRfcExample() throws Exception {
        String a1 = "Mufasa:http-auth@example.org:Circle of Life";
        String nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        assertThat(DigestGuard.responseFromHa1("SHA-256", hex("SHA-256", a1), "GET", "/dir/index.html", nonce,
                "00000001", cnonce, "auth")).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
        assertThat(DigestGuard.responseFromHa1("MD5", hex("MD5", a1), "GET", "/dir/index.html", nonce,
                "00000001", cnonce, "auth")).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    @DisplayName("RFC 7616 §3.4.2: a user known only by its HA1 values (a directory's) passes with the right password")
    void userKnownByHa1() throws Exception {
        DigestGuard g = guard(clock);
        users.addHashed("carol", java.util.Map.of("SHA-256", hex("SHA-256", "carol:sandbox.test:dir-pw"),
                "MD5", hex("MD5", "carol:sandbox.test:dir-pw")));
        String nonce = g.newNonce();
        assertThat(g.verify(request(authorization("SHA-256", "carol", "dir-pw", nonce)), false, "carol"))
                .isEqualTo(DigestGuard.Verdict.OK);
        assertThat(g.verify(request(authorization("MD5", "carol", "dir-pw", nonce)), false, "carol"))
                .isEqualTo(DigestGuard.Verdict.OK);
        assertThat(g.verify(request(authorization("SHA-256", "carol", "guess", nonce)), false, "carol"))
                .isEqualTo(DigestGuard.Verdict.WRONG);
        users.addHashed("dave", java.util.Map.of("SHA-256", hex("SHA-256", "dave:sandbox.test:pw")));
        assertThat(g.verify(request(authorization("MD5", "dave", "pw", nonce)), false, "dave"))
                .as("no MD5 HA1 kept").isEqualTo(DigestGuard.Verdict.WRONG);
        assertThat(users.exists("carol")).isTrue();
    }

    @Test
    @DisplayName("RFC 7616 §3.3: a nonce past its lifetime is stale (challenge again), not wrong")
    void staleNonce() throws Exception {
        DigestGuard g = guard(clock);
        String nonce = g.newNonce();
        String header = authorization("SHA-256", "bob", "s3cret", nonce);
        assertThat(g.verify(request(header), false, "bob")).isEqualTo(DigestGuard.Verdict.OK);
        clock.advance(DigestGuard.NONCE_LIFETIME.plusSeconds(1));
        assertThat(g.verify(request(header), false, "bob")).isEqualTo(DigestGuard.Verdict.STALE);
    }
}
