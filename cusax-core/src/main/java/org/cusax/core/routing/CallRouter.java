package org.cusax.core.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.cusax.core.account.Account;
import org.cusax.core.account.Protocol;
import org.cusax.core.contact.AddressKind;
import org.cusax.core.contact.Contact;
import org.cusax.core.contact.ContactDirectory;
import org.cusax.core.contact.IndexKeys;
import org.cusax.core.contact.NormalizedAddress;
import org.cusax.core.contact.TelAddress;
import org.cusax.core.contact.TelLabel;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.routing.RoutingDecision.ChooseAccount;
import org.cusax.core.routing.RoutingDecision.ChooseAddress;
import org.cusax.core.routing.RoutingDecision.NoRoute;
import org.cusax.core.routing.RoutingDecision.Reason;
import org.cusax.core.routing.RoutingDecision.Route;

/**
 * Decides how a call is placed (issue "Contacts that can be called", rule 4).
 * <ul>
 *   <li>Accounts that can carry a call: every SIP account, and the XMPP account whose roster the
 *       contacts come from, each only when calling is on for it and it is online. Other XMPP accounts
 *       have nothing to do with these contacts and are not offered.</li>
 *   <li>Exactly one such account and one address → {@link Route} at once, no question. Several
 *       accounts → {@link ChooseAccount}; a contact with several callable numbers → {@link ChooseAddress}
 *       first, in the user's {@link TelPreference} order — unless that preference decides: then its first
 *       number is routed at once. Otherwise {@link NoRoute} with the reason.</li>
 *   <li>Problems of the target (unknown contact, no number, fax only, unparseable) are reported before
 *       problems of the accounts, and no number is asked for when no account could call it.</li>
 * </ul>
 * The Call action itself ({@link Contact#callable()}) does not depend on the accounts; only the route does.
 */
public final class CallRouter {
    private final ContactDirectory contacts;
    private final TelPreference preference;
    private final Optional<Account> rosterAccount;
    private final DomainOwnership ownership;

    /**
     * @param contacts      the contact list
     * @param preference    the order in which a contact's numbers are offered
     * @param rosterAccount the XMPP account the contacts come from, if any
     */
    public CallRouter(ContactDirectory contacts, TelPreference preference, Optional<Account> rosterAccount) {
        this(contacts, preference, rosterAccount, DomainOwnership.unknown());
    }

    /**
     * @param ownership what our service owns: routes leaving it are flagged (RFC 7081 §5)
     */
    public CallRouter(ContactDirectory contacts, TelPreference preference, Optional<Account> rosterAccount,
                      DomainOwnership ownership) {
        if (contacts == null || preference == null || rosterAccount == null || ownership == null) {
            throw new IllegalArgumentException("contacts, preference and roster account (may be empty) are required");
        }
        this.contacts = contacts;
        this.preference = preference;
        this.rosterAccount = rosterAccount;
        this.ownership = ownership;
    }

    /** Routes what the user typed (see {@link CallTarget#parse} for how it is read). */
    public RoutingDecision route(String target, List<CallingAccount> accounts) {
        return route(CallTarget.parse(target, jid -> contacts.contact(jid).isPresent()), accounts);
    }

    public RoutingDecision route(CallTarget target, List<CallingAccount> accounts) {
        if (target instanceof CallTarget.ContactTarget c) {
            return routeContact(c.jid(), accounts);
        }
        if (target instanceof CallTarget.ContactAddress c) {
            return routeContactAddress(c.jid(), c.address(), accounts);
        }
        return routeAddress(((CallTarget.AddressTarget) target).address(), accounts);
    }

    private RoutingDecision routeContact(String jid, List<CallingAccount> accounts) {
        Optional<Contact> found = contacts.contact(jid);
        if (found.isEmpty()) {
            return unknown(jid);
        }
        Contact contact = found.get();
        String who = contact.displayName();
        if (contact.tels().isEmpty()) {
            return new NoRoute(Reason.NO_TELS, who + " has no phone number or SIP address.");
        }
        List<TelAddress> options = preference.order(contact.tels());
        if (options.isEmpty()) {
            boolean understood = contact.tels().stream().anyMatch(t -> t.kind() != AddressKind.UNPARSEABLE);
            return understood
                    ? new NoRoute(Reason.NOT_CALLABLE, who + " only has fax or pager numbers, which cannot be called ("
                            + list(contact.tels()) + ").")
                    : new NoRoute(Reason.UNPARSEABLE_ADDRESS, who + "'s numbers could not be understood ("
                            + list(contact.tels()) + ").");
        }
        Optional<NoRoute> refusal = refusal(accounts);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (options.size() > 1 && !preference.decides()) {
            return new ChooseAddress(contact.jid(), options);
        }
        TelAddress tel = options.get(0);
        return toAccounts(accounts, tel.normalized().orElseThrow(), tel.label(), Optional.of(contact.jid()));
    }

    private RoutingDecision routeContactAddress(String jid, String address, List<CallingAccount> accounts) {
        Optional<Contact> found = contacts.contact(jid);
        if (found.isEmpty()) {
            return unknown(jid);
        }
        NormalizedAddress n = contacts.normalizer().normalize(address);
        if (!n.parseable()) {
            return unparseable(address);
        }
        return refusal(accounts).<RoutingDecision>map(r -> r).orElseGet(() -> toAccounts(accounts,
                n.normalized().orElseThrow(), labelFor(found.get(), n.keys()), Optional.of(found.get().jid())));
    }

    private RoutingDecision routeAddress(String address, List<CallingAccount> accounts) {
        if (address.isEmpty()) {
            return new NoRoute(Reason.UNPARSEABLE_ADDRESS,
                    "Nothing to call: give a contact, a sip: or tel: address, or a phone number.");
        }
        NormalizedAddress n = contacts.normalizer().normalize(address);
        if (!n.parseable()) {
            return unparseable(address);
        }
        Set<String> owners = contacts.owners(address);
        Optional<Contact> owner = owners.size() == 1 ? contacts.contact(owners.iterator().next()) : Optional.empty();
        TelLabel label = owner.map(c -> labelFor(c, n.keys())).orElse(TelLabel.OTHER);
        return refusal(accounts).<RoutingDecision>map(r -> r).orElseGet(() -> toAccounts(accounts,
                n.normalized().orElseThrow(), label, owner.map(Contact::jid)));
    }

    private RoutingDecision toAccounts(List<CallingAccount> accounts, String address, TelLabel label,
                                       Optional<String> contact) {
        List<Account> candidates = accounts.stream().filter(this::canCarry).filter(CallingAccount::callingEnabled)
                .filter(CallingAccount::online).map(CallingAccount::account)
                .sorted(Comparator.comparing(a -> a.protocol() == Protocol.SIP ? 0 : 1)).toList();
        InterDomain interDomain = ownership.check(address, contact);
        return candidates.size() == 1
                ? new Route(candidates.get(0), address, label, contact, interDomain)
                : new ChooseAccount(candidates, address, label, contact, interDomain);
    }

    /** Why no account can carry a call right now, if that is so. */
    private Optional<NoRoute> refusal(List<CallingAccount> accounts) {
        List<CallingAccount> able = accounts.stream().filter(this::canCarry).toList();
        List<CallingAccount> enabled = able.stream().filter(CallingAccount::callingEnabled).toList();
        if (enabled.isEmpty()) {
            if (able.stream().anyMatch(a -> a.account().protocol() == Protocol.SIP)) {
                return Optional.of(new NoRoute(Reason.CALLING_DISABLED, "Calling is switched off on every account ("
                        + able.stream().map(a -> a.account().address()).collect(Collectors.joining(", ")) + ")."));
            }
            String xmpp = able.isEmpty() ? "" : " and calling is switched off on " + able.get(0).account().address();
            return Optional.of(new NoRoute(Reason.NO_TELEPHONY_ACCOUNT,
                    "No account can place calls: there is no SIP account" + xmpp + "."));
        }
        if (enabled.stream().noneMatch(CallingAccount::online)) {
            return Optional.of(new NoRoute(Reason.NO_ACCOUNT_ONLINE, "No telephony account is online ("
                    + enabled.stream().map(a -> a.account().address() + " is " + a.state().name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")) + ")."));
        }
        return Optional.empty();
    }

    private boolean canCarry(CallingAccount a) {
        Account account = a.account();
        if (account.protocol() == Protocol.SIP) {
            return true;
        }
        return rosterAccount.filter(r -> r.protocol() == Protocol.XMPP && account.protocol() == Protocol.XMPP
                && r.address().equalsIgnoreCase(account.address())).isPresent();
    }

    private TelLabel labelFor(Contact contact, IndexKeys keys) {
        return contact.tels().stream()
                .filter(t -> contacts.normalizer().keysFor(t.uri()).matches(keys))
                .sorted(Comparator.comparing(t -> !t.callable()))
                .map(TelAddress::label).findFirst().orElse(TelLabel.OTHER);
    }

    private static NoRoute unknown(String jid) {
        return new NoRoute(Reason.UNKNOWN_CONTACT, jid + " is not in your contact list.");
    }

    private static NoRoute unparseable(String address) {
        return new NoRoute(Reason.UNPARSEABLE_ADDRESS,
                "'" + address + "' is not a phone number, a tel: URI or a SIP address.");
    }

    private static String list(List<TelAddress> tels) {
        return tels.stream().map(t -> t.uri().isBlank() ? "(empty)" : t.uri()).collect(Collectors.joining(", "));
    }
}
