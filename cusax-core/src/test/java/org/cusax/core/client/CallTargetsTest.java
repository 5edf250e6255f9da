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

    private static final org.cusax.core.account.Account SIP =
            TestAccounts.sip("alice", org.cusax.core.account.Transport.TLS);
    private static final org.cusax.core.account.Account XMPP = TestAccounts.xmpp("alice");
    private static final RoutingDecision.ChooseAccount BOTH = new RoutingDecision.ChooseAccount(
            java.util.List.of(SIP, XMPP), "tel:+33612345678", TelLabel.MOBILE, Optional.of("bob@cusax.test"));

    @Test
    void severalAccountsWithoutAChoiceAskForVia() {
        assertThatThrownBy(() -> CallTargets.sipAddress("bob@cusax.test", t -> BOTH, "cusax.test"))
                .hasMessageContaining("choose one with --via").hasMessageContaining("sip:alice@cusax.test")
                .hasMessageContaining("alice@cusax.test");
    }

    @Test
    void viaPicksTheSipAccountByProtocolOrAddress() {
        for (String via : java.util.List.of("sip", "SIP", "sip:alice@cusax.test", "alice@cusax.test")) {
            // a bare user@host names the SIP account too when it is the SIP AOR without its scheme
            String picked = CallTargets.sipAddress("bob@cusax.test", t -> BOTH, "cusax.test", Optional.of(via));
            assertThat(picked).as(via).isEqualTo("sip:+33612345678@cusax.test;user=phone");
        }
    }

    @Test
    void viaTheXmppAccountIsRefusedClearlyBecauseJingleCallsAreNotSupported() {
        assertThatThrownBy(() -> CallTargets.sipAddress("bob@cusax.test", t -> BOTH, "cusax.test",
                Optional.of("xmpp"))).hasMessageContaining("Jingle").hasMessageContaining("not supported");
    }

    @Test
    void viaAnAccountThatCannotCallTheTargetSaysWhichCan() {
        assertThatThrownBy(() -> CallTargets.sipAddress("bob@cusax.test", t -> BOTH, "cusax.test",
                Optional.of("sip:carol@cusax.test"))).hasMessageContaining("no account sip:carol@cusax.test");
        assertThatThrownBy(() -> CallTargets.sipAddress("bob@cusax.test", t -> TEL_ROUTE, "cusax.test",
                Optional.of("xmpp"))).hasMessageContaining("is called via sip:alice@cusax.test, not via xmpp");
        assertThatThrownBy(() -> CallTargets.sipAddress("sip:bob@cusax.test", t -> TEL_ROUTE, "cusax.test",
                Optional.of("xmpp"))).hasMessageContaining("over the SIP account");
    }

    @Test
    void viaMatchingTheOnlyRouteChangesNothing() {
        assertThat(CallTargets.sipAddress("bob@cusax.test", t -> TEL_ROUTE, "cusax.test", Optional.of("sip")))
                .isEqualTo("sip:+33612345678@cusax.test;user=phone");
        assertThat(CallTargets.sipAddress("sip:bob@cusax.test", t -> TEL_ROUTE, "cusax.test", Optional.of(" ")))
                .isEqualTo("sip:bob@cusax.test");
    }
}
