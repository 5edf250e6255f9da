package org.cusax.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.account.Transport;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelAddress;
import org.cusax.core.contact.TelLabel;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.contact.TelSource;
import org.cusax.core.routing.RoutingDecision.ChooseAccount;
import org.cusax.core.routing.RoutingDecision.ChooseAddress;
import org.cusax.core.routing.RoutingDecision.NoRoute;
import org.cusax.core.routing.RoutingDecision.Reason;
import org.cusax.core.routing.RoutingDecision.Route;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Call rule of issue 3 (RFC 7081 §3: telephony over SIP, contacts over XMPP): every contact with a
 * callable tel has a Call action; the route is decided by the accounts. One online telephony-capable
 * account → call at once; several → choose; none → a clear reason.
 */
class CallRouterTest {
    private static final Account SIP = TestAccounts.sip("alice", Transport.TLS);
    private static final Account SIP_WORK = TestAccounts.sip("alice-work", Transport.TCP);
    private static final Account XMPP = TestAccounts.xmpp("alice");
    private static final Account XMPP_CALLING = withCalling(XMPP, true);
    private static final Account OTHER_XMPP_CALLING = withCalling(TestAccounts.xmpp("alias"), true);

    private final ContactBook book = new ContactBook(new AddressNormalizer("FR"));
    private final CallRouter router = new CallRouter(book, TelPreference.defaults(), Optional.of(XMPP));

    private static Account withCalling(Account a, boolean calling) {
        return new Account(a.protocol(), a.address(), a.authUser(), a.password(), a.domain(), a.server(),
                a.security(), new Features(calling, a.features().imAndPresence()));
    }

    private static CallingAccount online(Account a) {
        return new CallingAccount(a, ConnectionState.ONLINE);
    }

    private static List<CallingAccount> sipAndChat() {
        return List.of(online(SIP), online(XMPP));
    }

    @BeforeEach
    void roster() {
        book.putRosterEntry("nobody@cusax.test", "No Body");
        book.putRosterEntry("bob@cusax.test", "Bob");
        book.setTels("bob@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("06 12 34 56 78", "CELL", "VOICE")));
        book.putRosterEntry("carol@cusax.test", "Carol");
        book.setTels("carol@cusax.test", TelSource.VCARD_TEMP, List.of(
                RawTel.of("01 23 45 67 89", "WORK", "VOICE"), RawTel.of("04 72 00 00 00", "HOME"),
                RawTel.of("06 11 11 11 11", "CELL"), RawTel.of("sip:carol-room@cusax.test", "VIDEO"),
                RawTel.of("01 23 45 67 90", "WORK", "FAX")));
        book.setTels("carol@cusax.test", TelSource.REACH_PEP, List.of(RawTel.of("tel:+33611111111")));
        book.putRosterEntry("dave@cusax.test", "Dave");
        book.setTels("dave@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("sip:dave@sip.cusax.test")));
        book.putRosterEntry("erin@cusax.test", "Erin");
        book.setTels("erin@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("tel:+33-1-23-45-67-89;ext=42", "WORK")));
        book.putRosterEntry("frank@cusax.test", "Frank");
        book.setTels("frank@cusax.test", TelSource.VCARD4, List.of(RawTel.of("tel:+33-6-98-76-54-32", "cell", "voice")));
        book.putRosterEntry("grace@cusax.test", "Grace");
        book.setTels("grace@cusax.test", TelSource.REACH_PRESENCE, List.of(RawTel.of("sip:grace@cusax.test")));
        book.putRosterEntry("hank@cusax.test", "Hank");
        book.setTels("hank@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("01 23 45 67 91", "WORK", "FAX")));
        book.putRosterEntry("ivy@cusax.test", "Ivy");
        book.setTels("ivy@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("ask the front desk")));
    }

    private RoutingDecision route(String target, List<CallingAccount> accounts) {
        return router.route(target, accounts);
    }

    @Test
    void eachContactKindWithOneSipAccountAndCallingOffOnXmpp() {
        assertThat(route("bob@cusax.test", sipAndChat()))
                .isEqualTo(new Route(SIP, "tel:+33612345678", TelLabel.MOBILE, Optional.of("bob@cusax.test")));
        assertThat(route("dave@cusax.test", sipAndChat()))
                .isEqualTo(new Route(SIP, "sip:dave@sip.cusax.test", TelLabel.OTHER, Optional.of("dave@cusax.test")));
        assertThat(route("erin@cusax.test", sipAndChat()))
                .isEqualTo(new Route(SIP, "tel:+33123456789;ext=42", TelLabel.WORK, Optional.of("erin@cusax.test")));
        assertThat(route("frank@cusax.test", sipAndChat()))
                .isEqualTo(new Route(SIP, "tel:+33698765432", TelLabel.MOBILE, Optional.of("frank@cusax.test")));
        assertThat(route("grace@cusax.test", sipAndChat()))
                .isEqualTo(new Route(SIP, "sip:grace@cusax.test", TelLabel.OTHER, Optional.of("grace@cusax.test")));
    }

    @Test
    void contactsThatCannotBeCalledSayWhy() {
        assertThat(route("nobody@cusax.test", sipAndChat()))
                .isEqualTo(new NoRoute(Reason.NO_TELS, "No Body has no phone number or SIP address."));
        assertThat(route("hank@cusax.test", sipAndChat())).isEqualTo(new NoRoute(Reason.NOT_CALLABLE,
                "Hank only has fax or pager numbers, which cannot be called (01 23 45 67 91)."));
        assertThat(route("ivy@cusax.test", sipAndChat())).isEqualTo(new NoRoute(Reason.UNPARSEABLE_ADDRESS,
                "Ivy's numbers could not be understood (ask the front desk)."));
        assertThat(route("xmpp:zoe@cusax.test", sipAndChat()))
                .isEqualTo(new NoRoute(Reason.UNKNOWN_CONTACT, "zoe@cusax.test is not in your contact list."));
        assertThat(route("call me maybe", sipAndChat())).isEqualTo(new NoRoute(Reason.UNPARSEABLE_ADDRESS,
                "'call me maybe' is not a phone number, a tel: URI or a SIP address."));
        assertThat(route("  ", sipAndChat())).extracting(d -> ((NoRoute) d).reason()).isEqualTo(Reason.UNPARSEABLE_ADDRESS);
    }

    @Test
    void callActionExistsEvenWhenCallingIsDisabledOnTheXmppAccount() {
        assertThat(book.contacts()).filteredOn(c -> c.callable()).extracting(c -> c.jid()).containsExactly(
                "bob@cusax.test", "carol@cusax.test", "dave@cusax.test", "erin@cusax.test", "frank@cusax.test",
                "grace@cusax.test");
        assertThat(route("bob@cusax.test", List.of(online(XMPP)))).isEqualTo(new NoRoute(Reason.NO_TELEPHONY_ACCOUNT,
                "No account can place calls: there is no SIP account and calling is switched off on alice@cusax.test."));
    }

    @Test
    void zeroTelephonyAccounts() {
        assertThat(route("bob@cusax.test", List.of())).extracting(d -> ((NoRoute) d).reason())
                .isEqualTo(Reason.NO_TELEPHONY_ACCOUNT);
        assertThat(route("bob@cusax.test", List.of(online(withCalling(SIP, false)), online(XMPP))))
                .isEqualTo(new NoRoute(Reason.CALLING_DISABLED,
                        "Calling is switched off on every account (sip:alice@cusax.test, alice@cusax.test)."));
        assertThat(route("bob@cusax.test", List.of(new CallingAccount(SIP, ConnectionState.RECONNECTING), online(XMPP))))
                .isEqualTo(new NoRoute(Reason.NO_ACCOUNT_ONLINE,
                        "No telephony account is online (sip:alice@cusax.test is reconnecting)."));
        // An XMPP account that is not the one the contacts come from is no candidate.
        assertThat(route("bob@cusax.test", List.of(online(OTHER_XMPP_CALLING), online(XMPP))))
                .extracting(d -> ((NoRoute) d).reason()).isEqualTo(Reason.NO_TELEPHONY_ACCOUNT);
    }

    @Test
    void oneTelephonyAccountCallsAtOnce() {
        // The SIP account alone, XMPP calling off: no question.
        assertThat(route("bob@cusax.test", sipAndChat())).isInstanceOf(Route.class);
        // The XMPP account alone, with calling on, while the SIP account is offline.
        assertThat(route("bob@cusax.test", List.of(new CallingAccount(SIP, ConnectionState.FAILED), online(XMPP_CALLING))))
                .isEqualTo(new Route(XMPP_CALLING, "tel:+33612345678", TelLabel.MOBILE, Optional.of("bob@cusax.test")));
    }

    @Test
    void twoTelephonyAccountsLetTheUserChooseIncludingTheXmppAccountWhenCallingIsOn() {
        RoutingDecision d = route("bob@cusax.test", List.of(online(XMPP_CALLING), online(SIP)));
        assertThat(d).isEqualTo(new ChooseAccount(List.of(SIP, XMPP_CALLING), "tel:+33612345678", TelLabel.MOBILE,
                Optional.of("bob@cusax.test")));
        assertThat(((ChooseAccount) d).pick(XMPP_CALLING))
                .isEqualTo(new Route(XMPP_CALLING, "tel:+33612345678", TelLabel.MOBILE, Optional.of("bob@cusax.test")));
        assertThatThrownBy(() -> ((ChooseAccount) d).pick(SIP_WORK)).isInstanceOf(IllegalArgumentException.class);

        assertThat(route("bob@cusax.test", List.of(online(SIP), online(SIP_WORK), online(XMPP))))
                .extracting(x -> ((ChooseAccount) x).candidates()).isEqualTo(List.of(SIP, SIP_WORK));
    }

    @Test
    void severalTelsAskForTheNumberInPreferenceOrderThenRoute() {
        RoutingDecision d = route("carol@cusax.test", sipAndChat());
        assertThat(d).isInstanceOf(ChooseAddress.class);
        ChooseAddress choice = (ChooseAddress) d;
        assertThat(choice.contact()).isEqualTo("carol@cusax.test");
        assertThat(choice.options()).extracting(TelAddress::label, t -> t.normalized().orElseThrow()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TelLabel.MOBILE, "tel:+33611111111"),
                org.assertj.core.groups.Tuple.tuple(TelLabel.WORK, "tel:+33123456789"),
                org.assertj.core.groups.Tuple.tuple(TelLabel.HOME, "tel:+33472000000"),
                org.assertj.core.groups.Tuple.tuple(TelLabel.VIDEO, "sip:carol-room@cusax.test"));

        TelAddress home = choice.options().get(2);
        assertThat(router.route(new CallTarget.ContactAddress("carol@cusax.test", home.normalized().orElseThrow()),
                sipAndChat())).isEqualTo(new Route(SIP, "tel:+33472000000", TelLabel.HOME, Optional.of("carol@cusax.test")));

        CallRouter homeFirst = new CallRouter(book, TelPreference.parse("home,video"), Optional.of(XMPP));
        assertThat(((ChooseAddress) homeFirst.route("carol@cusax.test", sipAndChat())).options())
                .extracting(TelAddress::label)
                .containsExactly(TelLabel.HOME, TelLabel.VIDEO, TelLabel.MOBILE, TelLabel.WORK);
    }

    /** contacts.tel-preference-decides: the most preferred number is called at once, no question. */
    @Test
    void aDecidingPreferenceRoutesItsFirstNumberAtOnce() {
        CallRouter deciding = new CallRouter(book, TelPreference.parse("home,work").deciding(true), Optional.of(XMPP));
        assertThat(deciding.route("carol@cusax.test", sipAndChat()))
                .isEqualTo(new Route(SIP, "tel:+33472000000", TelLabel.HOME, Optional.of("carol@cusax.test")));
        CallRouter asking = new CallRouter(book, TelPreference.parse("home,work"), Optional.of(XMPP));
        assertThat(asking.route("carol@cusax.test", sipAndChat())).isInstanceOf(ChooseAddress.class);
    }

    @Test
    void noNumberIsAskedForWhenNoAccountCouldCallIt() {
        assertThat(route("carol@cusax.test", List.of(new CallingAccount(SIP, ConnectionState.CONNECTING))))
                .extracting(d -> ((NoRoute) d).reason()).isEqualTo(Reason.NO_ACCOUNT_ONLINE);
    }

    @Test
    void explicitAddressesResolveToTheirOwnerAndLabel() {
        assertThat(route("sip:+33612345678@cusax.test;user=phone", sipAndChat()))
                .isEqualTo(new Route(SIP, "tel:+33612345678", TelLabel.MOBILE, Optional.of("bob@cusax.test")));
        assertThat(route("01 23 45 67 89", sipAndChat()))
                .isEqualTo(new Route(SIP, "tel:+33123456789", TelLabel.WORK, Optional.of("carol@cusax.test")));
        assertThat(route("+1 650 253 0000", sipAndChat()))
                .isEqualTo(new Route(SIP, "tel:+16502530000", TelLabel.OTHER, Optional.empty()));
        // Not in the roster, so it is a SIP address.
        assertThat(route("zoe@example.com", sipAndChat()))
                .isEqualTo(new Route(SIP, "sip:zoe@example.com", TelLabel.OTHER, Optional.empty()));
        // A fax number dialled explicitly is the user's decision.
        assertThat(route("01 23 45 67 91", sipAndChat()))
                .isEqualTo(new Route(SIP, "tel:+33123456791", TelLabel.FAX, Optional.of("hank@cusax.test")));
    }
}
