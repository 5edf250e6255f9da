package org.cusax.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 3261 §19.1.1 SIP URI components, §19.1.2 default ports, §19.1.6 telephone-subscriber users. */
class SipUriTest {

    @Test
    void componentsAreParsed() {
        SipUri u = SipUri.parse("sips:alice:secret@Atlanta.COM:5071;Transport=TCP;lr?Subject=Hi%20There").orElseThrow();
        assertThat(u.secure()).isTrue();
        assertThat(u.user()).isEqualTo("alice");
        assertThat(u.password()).contains("secret");
        assertThat(u.host()).isEqualTo("atlanta.com");
        assertThat(u.port()).isEqualTo(5071);
        assertThat(u.params()).containsEntry("transport", "tcp").containsEntry("lr", "");
        assertThat(u.headers()).containsEntry("subject", "Hi%20There");
        assertThat(u.defaultPort()).isEqualTo(5061);
    }

    @Test
    void passwordNeverPrinted() {
        SipUri u = SipUri.parse("sip:alice:secret@atlanta.com").orElseThrow();
        assertThat(u.toString()).isEqualTo("sip:alice@atlanta.com").doesNotContain("secret");
        assertThat(u.canonical()).doesNotContain("secret");
    }

    @Test
    void telephoneSubscriberUserWithParameters() {
        // RFC 3261 §19.1.6: sip:+1-212-555-1212:1234@gateway.com;user=phone (1234 is a password)
        SipUri u = SipUri.parse("sip:+1-212-555-1212:1234@gateway.com;user=phone").orElseThrow();
        assertThat(u.user()).isEqualTo("+1-212-555-1212");
        assertThat(u.userIsPhone()).isTrue();
        SipUri postd = SipUri.parse("sip:+1-212-555-1212;postd=pp22@foo.com;user=phone").orElseThrow();
        assertThat(postd.user()).isEqualTo("+1-212-555-1212;postd=pp22");
        assertThat(postd.host()).isEqualTo("foo.com");
    }

    @Test
    void escapesOfReservedCharactersStayEscaped() {
        SipUri u = SipUri.parse("sip:bob%3bsmith%2A@biloxi.com").orElseThrow();
        assertThat(u.user()).isEqualTo("bob%3Bsmith*");
        assertThat(u.decodedUser()).contains("bob;smith*");
    }

    @Test
    void nameAddrOfAFromHeaderIsAccepted() {
        assertThat(SipUri.parse("\"Alice\" <sip:alice@atlanta.com>;tag=1928").orElseThrow().canonical())
                .isEqualTo("sip:alice@atlanta.com");
        assertThat(SipUri.parse("\"Alice\" <sip:alice@atlanta.com>").orElseThrow().canonical())
                .isEqualTo("sip:alice@atlanta.com");
    }

    @Test
    void hostOnlyAndIpv6() {
        assertThat(SipUri.parse("sip:biloxi.com").orElseThrow().user()).isEmpty();
        SipUri v6 = SipUri.parse("sip:alice@[2001:db8::10]:5070").orElseThrow();
        assertThat(v6.host()).isEqualTo("[2001:db8::10]");
        assertThat(v6.port()).isEqualTo(5070);
    }

    /** RFC 3261 §25.1: no control character in a SIP URI (found by AddressNormalizerFuzzTest: a raw DEL was kept). */
    @Test
    void controlCharactersAreNotAUri() {
        assertThat(SipUri.parse("sip:a\u007Fb@example.com")).isEmpty();
        assertThat(SipUri.parse("sip:ab@example.com;x=\u0085")).isEmpty();
        assertThat(new AddressNormalizer("FR").normalize("`\u007Fl@E0m").parseable()).isFalse();
        assertThat(SipUri.parse("sip:a%7Fb@example.com").orElseThrow().canonical()).isEqualTo("sip:a%7Fb@example.com");
    }
}
