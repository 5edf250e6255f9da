package org.cusax.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.cusax.core.contact.TelLabel;
import org.cusax.core.routing.RoutingDecision;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.Test;

/** RFC 7081 §4 (call a contact over the SIP account) and RFC 3261 §19.1.6 (a tel number as a SIP URI). */
class CallTargetsTest {
    private static final RoutingDecision.Route TEL_ROUTE = new RoutingDecision.Route(
            TestAccounts.sip("alice", org.cusax.core.account.Transport.TLS), "tel:+33612345678",
            TelLabel.MOBILE, Optional.of("bob@cusax.test"));

    @Test
    void sipUrisAreCalledAsTheyAre() {
        assertThat(CallTargets.sipAddress(" sips:bob@cusax.test ", t -> {
            throw new AssertionError("no routing needed");
        }, "cusax.test")).isEqualTo("sips:bob@cusax.test");
    }

    @Test
    void aContactsNumberBecomesAUserPhoneSipUriInTheAccountDomain() {
        assertThat(CallTargets.sipAddress("bob@cusax.test", t -> TEL_ROUTE, "cusax.test"))
                .isEqualTo("sip:+33612345678@cusax.test;user=phone");
    }

    @Test
    void aRefusedRouteSaysWhy() {
        assertThatThrownBy(() -> CallTargets.sipAddress("nobody@cusax.test", t -> new RoutingDecision.NoRoute(
                RoutingDecision.Reason.UNKNOWN_CONTACT, "nobody is not in your contact list"), "cusax.test"))
                .hasMessageContaining("nobody is not in your contact list");
    }
}
