package org.cusax.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * RFC 3261 §7.3.1/§20 single headers, §25.1 display names and §8.1.1.7 CSeq method, which JAIN-SIP's parser lets
 * through (RFC 4475 §3.3.8 multi01, §3.1.2.15 baddn, §3.1.2.17 mismatch01); and the screens never throw on a
 * request line with no header at all (that crashed the TCP reader of one connection).
 */
class HeaderRulesTest {
    private static String[] headers(String... lines) {
        return lines;
    }

    @Test
    void repeatedSingleHeadersAreProblems() {
        assertThat(HeaderRules.problem("INVITE sip:a@b SIP/2.0", headers("To: sip:a@b", "t: sip:c@d")))
                .contains("repeated To");
        assertThat(HeaderRules.problem("INVITE sip:a@b SIP/2.0", headers("Call-ID: 1", "i: 2"))).contains("repeated Call-ID");
        assertThat(HeaderRules.problem("INVITE sip:a@b SIP/2.0", headers("Via: x", "Via: y", "Route: <sip:a>",
                "Route: <sip:b>"))).isEmpty();
    }

    @Test
    void displayNamesMustBeTokensOrQuoted() {
        assertThat(HeaderRules.problem("OPTIONS sip:a@b SIP/2.0", headers("From: Bell, Alexander <sip:a@b>;tag=1")))
                .hasValueSatisfying(p -> assertThat(p).contains("display name in From"));
        assertThat(HeaderRules.problem("OPTIONS sip:a@b SIP/2.0", headers("From: \"Bell, Alexander\" <sip:a@b>;tag=1",
                "To: Watson  Thomas <sip:t@b>", "Contact: Anything, really <sip:x@y>"))).isEmpty();
    }

    @Test
    void theCSeqMethodMustBeTheRequestsMethod() {
        assertThat(HeaderRules.problem("OPTIONS sip:a@b SIP/2.0", headers("CSeq: 8 INVITE")))
                .hasValueSatisfying(p -> assertThat(p).contains("CSeq method INVITE"));
        assertThat(HeaderRules.problem("OPTIONS sip:a@b SIP/2.0", headers("CSeq: 8 OPTIONS"))).isEmpty();
    }

    @Test
    void screensTakeARequestLineWithoutHeaders() {
        for (String text : new String[] {"X\r\n\r\n", "OPTIONS sip:a@b SIP/2.0\r\n\r\n", "\r\n\r\n", "A\r\n"}) {
            byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
            assertThat(DatagramScreen.refusal(b, b.length)).as(text).isEmpty();
            assertThat(MalformedRequestScreen.badRequest(b, 0, b.length)).as(text).isEmpty();
            assertThat(MalformedRequestScreen.badRequestOnConnection(b, 0, b.length)).as(text).isEmpty();
        }
    }

    @Test
    void onAConnectionARequestWithAnUnparseableViaIsStillAnswered400() {
        String badinv = "INVITE sip:user@example.com SIP/2.0\r\nTo: sip:j.user@example.com\r\n"
                + "From: sip:caller@example.net;tag=134161461246\r\nMax-Forwards: 7\r\nCall-ID: x1\r\n"
                + "CSeq: 8 INVITE\r\nVia: SIP/2.0/UDP 192.0.2.15;;,;,,\r\nl: 0\r\n\r\n";
        byte[] b = badinv.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MalformedRequestScreen.badRequest(b, 0, b.length)).as("a datagram has no route back").isEmpty();
        assertThat(MalformedRequestScreen.badRequestOnConnection(b, 0, b.length)).hasValueSatisfying(
                r -> assertThat(new String(r, StandardCharsets.ISO_8859_1)).startsWith("SIP/2.0 400 "));
    }
}
