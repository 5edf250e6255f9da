package org.cusax.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.cusax.core.account.Account;
import org.cusax.core.account.Transport;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.contact.TelSource;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 7081 §5: a call that leaves our own service is flagged in the routing decision, with the reason. */
class InterDomainRoutingTest {
    private static final Account SIP = TestAccounts.sip("alice", Transport.TLS);
    private static final Account XMPP = TestAccounts.xmpp("alice");
    private static final List<CallingAccount> ONLINE = List.of(new CallingAccount(SIP, ConnectionState.ONLINE));

    private final ContactBook book = new ContactBook(new AddressNormalizer("FR"));

    @BeforeEach
    void roster() {
        book.putRosterEntry("bob@cusax.test", "Bob");
        book.setTels("bob@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("06 12 34 56 78", "CELL", "VOICE")));
        book.putRosterEntry("olga@other.example", "Olga");
        book.setTels("olga@other.example", TelSource.VCARD_TEMP, List.of(RawTel.of("06 98 76 54 32", "CELL")));
    }

    private CallRouter router(List<String> ownNumbers) {
        return new CallRouter(book, TelPreference.defaults(), Optional.of(XMPP),
                new DomainOwnership(Optional.of(SIP.domain()), ownNumbers));
    }

    private static InterDomain flag(RoutingDecision d) {
        assertThat(d).isInstanceOf(RoutingDecision.Route.class);
        return ((RoutingDecision.Route) d).interDomain();
    }

    @Test
    void aNumberTakenFromAContactInAnotherDomainIsFlagged() {
        InterDomain f = flag(router(List.of()).route("olga@other.example", ONLINE));
        assertThat(f.flagged()).isTrue();
        assertThat(f.reason()).contains("olga@other.example is in another domain than your service ("
                + SIP.domain() + ")").contains("tel:+33698765432");
    }

    @Test
    void aNumberOfAContactInOurDomainIsNotFlaggedWhenOwnNumbersAreUnknown() {
        assertThat(flag(router(List.of()).route("bob@cusax.test", ONLINE)).flagged()).isFalse();
        assertThat(flag(router(List.of()).route("+33 6 11 22 33 44", ONLINE)).flagged()).isFalse();
    }

    @Test
    void aNumberOutsideTheOwnNumberPrefixesIsFlagged() {
        CallRouter r = router(List.of("+33612", "+331"));
        assertThat(flag(r.route("bob@cusax.test", ONLINE)).flagged()).isFalse();
        assertThat(flag(r.route("tel:+33123456789", ONLINE)).flagged()).isFalse();
        InterDomain f = flag(r.route("tel:+4930123456", ONLINE));
        assertThat(f.flagged()).isTrue();
        assertThat(f.reason()).contains("tel:+4930123456 is not one of your service's numbers (routing.own-numbers)");
    }

    @Test
    void aSipUriInAnotherDomainIsFlaggedAndOneInOursOrASubDomainIsNot() {
        CallRouter r = router(List.of());
        InterDomain f = flag(r.route("sip:carol@elsewhere.example", ONLINE));
        assertThat(f.flagged()).isTrue();
        assertThat(f.reason()).contains("is not in your SIP domain (" + SIP.domain() + ")");
        assertThat(flag(r.route("sip:carol@" + SIP.domain(), ONLINE)).flagged()).isFalse();
        assertThat(flag(r.route("sip:room@conf." + SIP.domain(), ONLINE)).flagged()).isFalse();
    }

    @Test
    void theFlagSurvivesTheAccountChoice() {
        Account xmppCalling = new Account(XMPP.protocol(), XMPP.address(), XMPP.authUser(), XMPP.password(),
                XMPP.domain(), XMPP.server(), XMPP.security(),
                new org.cusax.core.account.Features(true, true));
        CallRouter r = new CallRouter(book, TelPreference.defaults(), Optional.of(xmppCalling),
                new DomainOwnership(Optional.of(SIP.domain()), List.of()));
        RoutingDecision d = r.route("sip:carol@elsewhere.example", List.of(new CallingAccount(SIP,
                ConnectionState.ONLINE), new CallingAccount(xmppCalling, ConnectionState.ONLINE)));
        assertThat(d).isInstanceOf(RoutingDecision.ChooseAccount.class);
        RoutingDecision.ChooseAccount choice = (RoutingDecision.ChooseAccount) d;
        assertThat(choice.interDomain().flagged()).isTrue();
        assertThat(choice.pick(SIP).interDomain()).isEqualTo(choice.interDomain());
    }

    @Test
    void withoutAServiceDomainNothingIsFlagged() {
        assertThat(DomainOwnership.unknown().check("sip:x@elsewhere.example", Optional.of("x@elsewhere.example"))
                .flagged()).isFalse();
    }
}
