package org.cusax.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.cusax.core.routing.CallTarget.AddressTarget;
import org.cusax.core.routing.CallTarget.ContactTarget;
import org.junit.jupiter.api.Test;

/** Reading `cusax call TARGET`: a roster JID, a SIP/tel URI (RFC 3261 §19.1, RFC 3966) or a number. */
class CallTargetTest {
    private final Set<String> roster = Set.of("alice@example.com");

    private CallTarget parse(String text) {
        return CallTarget.parse(text, roster::contains);
    }

    @Test
    void rosterJidWinsOverSipAddress() {
        assertThat(parse("Alice@Example.com")).isEqualTo(new ContactTarget("alice@example.com"));
        assertThat(parse("alice@example.com/laptop")).isEqualTo(new ContactTarget("alice@example.com"));
        assertThat(parse("bob@example.com")).isEqualTo(new AddressTarget("sip:bob@example.com"));
        assertThat(parse("Bob@example.com/desk")).isEqualTo(new AddressTarget("sip:Bob@example.com"));
    }

    @Test
    void xmppUriIsAlwaysAContact() {
        assertThat(parse("xmpp:carol@example.com")).isEqualTo(new ContactTarget("carol@example.com"));
    }

    @Test
    void urisAndNumbersAreAddresses() {
        assertThat(parse(" sip:alice@example.com ")).isEqualTo(new AddressTarget("sip:alice@example.com"));
        assertThat(parse("SIPS:alice@example.com")).isEqualTo(new AddressTarget("SIPS:alice@example.com"));
        assertThat(parse("tel:+33612345678")).isEqualTo(new AddressTarget("tel:+33612345678"));
        assertThat(parse("06 12 34 56 78")).isEqualTo(new AddressTarget("06 12 34 56 78"));
        assertThat(parse(null)).isEqualTo(new AddressTarget(""));
    }
}
