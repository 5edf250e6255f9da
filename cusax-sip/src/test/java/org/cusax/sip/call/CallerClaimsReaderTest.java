package org.cusax.sip.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

import javax.sip.SipFactory;
import javax.sip.message.Request;

import org.cusax.core.call.CallerClaims;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading caller claims from an INVITE: From, RFC 3325 PAI, RFC 6993 Call-Info, draft-ivov-xmpp-cusax-02 Contact. */
class CallerClaimsReaderTest {
    private static final InetAddress PROXY = InetAddress.getLoopbackAddress();
    private final CallerClaimsReader reader = new CallerClaimsReader(Set.of(PROXY));

    private static Request invite(String extraHeaders) throws Exception {
        String text = "INVITE sip:alice@cusax.test SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: \"Bob B.\" <sip:+33612345678@cusax.test;user=phone>;tag=a1\r\n"
                + "To: <sip:alice@cusax.test>\r\n"
                + "Call-ID: c1@127.0.0.1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + extraHeaders
                + "Content-Length: 0\r\n\r\n";
        return SipFactory.getInstance().createMessageFactory().createRequest(text);
    }

    @Test
    @DisplayName("RFC 3261 §20.20: From URI and display name")
    void from() throws Exception {
        CallerClaims c = reader.read(invite("Contact: <sip:bob@127.0.0.1:5070>\r\n"), Optional.of(PROXY));
        assertThat(c.fromUri()).isEqualTo("sip:+33612345678@cusax.test;user=phone");
        assertThat(c.fromDisplayName()).isEqualTo("Bob B.");
        assertThat(c.callInfoImpp()).isEmpty();
        assertThat(c.contactXmpp()).isEmpty();
        assertThat(c.assertedIdentities()).isEmpty();
    }

    @Test
    @DisplayName("RFC 6993 / RFC 7081 §5: only xmpp: URIs with purpose=impp are taken from Call-Info")
    void callInfo() throws Exception {
        CallerClaims c = reader.read(invite(
                "Call-Info: <http://www.example.com/bob.png>;purpose=icon, <xmpp:bob@cusax.test>;purpose=impp\r\n"
                + "Call-Info: <xmpp:other@cusax.test>;purpose=info\r\n"), Optional.of(PROXY));
        assertThat(c.callInfoImpp()).containsExactly("xmpp:bob@cusax.test");
    }

    @Test
    @DisplayName("draft-ivov-xmpp-cusax-02 §5: an xmpp: URI in Contact is a claim")
    void contactXmpp() throws Exception {
        CallerClaims c = reader.read(invite("Contact: <sip:bob@127.0.0.1:5070>, <xmpp:bob@cusax.test>\r\n"),
                Optional.of(PROXY));
        assertThat(c.contactXmpp()).containsExactly("xmpp:bob@cusax.test");
    }

    @Test
    @DisplayName("RFC 3325 §9.1: P-Asserted-Identity (one or two values) from the trusted proxy counts")
    void trustedPai() throws Exception {
        CallerClaims c = reader.read(invite(
                "P-Asserted-Identity: \"Bob, the builder\" <sip:bob@cusax.test>, <tel:+33612345678>\r\n"),
                Optional.of(PROXY));
        assertThat(c.assertedIdentities()).containsExactly("sip:bob@cusax.test", "tel:+33612345678");
        assertThat(c.fromTrustedProxy()).isTrue();
        assertThat(c.callingAddresses()).containsExactly("sip:bob@cusax.test", "tel:+33612345678");
    }

    @Test
    @DisplayName("RFC 3325 §5: P-Asserted-Identity from another source is not believed; From counts")
    void untrustedPai() throws Exception {
        CallerClaims c = reader.read(invite("P-Asserted-Identity: <sip:ceo@cusax.test>\r\n"),
                Optional.of(InetAddress.getByName("192.0.2.7")));
        assertThat(c.fromTrustedProxy()).isFalse();
        assertThat(c.callingAddresses()).containsExactly("sip:+33612345678@cusax.test;user=phone");
        CallerClaims unknownSource = reader.read(invite("P-Asserted-Identity: <sip:ceo@cusax.test>\r\n"),
                Optional.empty());
        assertThat(unknownSource.fromTrustedProxy()).isFalse();
        CallerClaims trustingNobody = CallerClaimsReader.trustingNobody()
                .read(invite("P-Asserted-Identity: <sip:ceo@cusax.test>\r\n"), Optional.of(PROXY));
        assertThat(trustingNobody.fromTrustedProxy()).isFalse();
    }

    @Test
    @DisplayName("RFC 3261 §7.3.1: commas inside quotes and angle brackets do not split a header value")
    void entriesSplitting() {
        assertThat(CallerClaimsReader.entries("\"A, B\" <sip:a@b;x=1,2>;p=1, sip:c@d;q=2"))
                .extracting(CallerClaimsReader.Entry::uri).containsExactly("sip:a@b;x=1,2", "sip:c@d");
        assertThat(CallerClaimsReader.entries("<xmpp:a@b>;purpose=\"impp\"").get(0).param("purpose"))
                .isEqualTo("impp");
        assertThat(CallerClaimsReader.entries(" , *")).isEmpty();
    }
}
