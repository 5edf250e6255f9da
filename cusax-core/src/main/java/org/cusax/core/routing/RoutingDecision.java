package org.cusax.core.routing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cusax.core.account.Account;
import org.cusax.core.contact.TelAddress;
import org.cusax.core.contact.TelLabel;

/** What the router decided for one call request. */
public sealed interface RoutingDecision {

    /** Stable name of the decision, as used in JSON output ({@code route}, {@code choose-account}, …). */
    String type();

    /**
     * Call now, with no question.
     *
     * @param account the account that places the call
     * @param address the normalized address dialled ({@code tel:+33612345678} or a canonical SIP URI)
     * @param label   what the number is to the contact (Other for an address that is nobody's)
     * @param contact the bare JID of the contact owning the address, when exactly one does
     * @param interDomain whether the call leaves our service (RFC 7081 §5), shown before dialling
     */
    record Route(Account account, String address, TelLabel label, Optional<String> contact, InterDomain interDomain)
            implements RoutingDecision {
        public Route {
            if (account == null || address == null || address.isBlank() || label == null) {
                throw new IllegalArgumentException("a route needs an account, an address and a label");
            }
            contact = contact == null ? Optional.empty() : contact;
            interDomain = interDomain == null ? InterDomain.none() : interDomain;
        }

        public Route(Account account, String address, TelLabel label, Optional<String> contact) {
            this(account, address, label, contact, InterDomain.none());
        }

        @Override
        public String type() {
            return "route";
        }
    }

    /**
     * Several accounts can carry the call: the user picks one, then {@link #pick} gives the route.
     *
     * @param candidates online accounts with calling on, SIP accounts first
     */
    record ChooseAccount(List<Account> candidates, String address, TelLabel label, Optional<String> contact,
                         InterDomain interDomain) implements RoutingDecision {
        public ChooseAccount {
            if (candidates == null || candidates.size() < 2 || address == null || label == null) {
                throw new IllegalArgumentException("an account choice needs at least two accounts and an address");
            }
            candidates = List.copyOf(candidates);
            contact = contact == null ? Optional.empty() : contact;
            interDomain = interDomain == null ? InterDomain.none() : interDomain;
        }

        public ChooseAccount(List<Account> candidates, String address, TelLabel label, Optional<String> contact) {
            this(candidates, address, label, contact, InterDomain.none());
        }

        /** The route through the chosen account, which must be one of the candidates. */
        public Route pick(Account account) {
            if (!candidates.contains(account)) {
                throw new IllegalArgumentException(account + " is not one of the accounts offered for this call");
            }
            return new Route(account, address, label, contact, interDomain);
        }

        @Override
        public String type() {
            return "choose-account";
        }
    }

    /**
     * The contact has several callable numbers: the user picks one (then routes
     * {@link CallTarget.ContactAddress} with its normalized form).
     *
     * @param contact bare JID of the contact
     * @param options the callable numbers in the user's preference order, each with its label
     */
    record ChooseAddress(String contact, List<TelAddress> options) implements RoutingDecision {
        public ChooseAddress {
            if (contact == null || options == null || options.size() < 2) {
                throw new IllegalArgumentException("an address choice needs a contact and at least two addresses");
            }
            options = List.copyOf(options);
        }

        @Override
        public String type() {
            return "choose-address";
        }
    }

    /** The call cannot be placed; {@code message} tells the user why, in one sentence. */
    record NoRoute(Reason reason, String message) implements RoutingDecision {
        public NoRoute {
            if (reason == null || message == null || message.isBlank()) {
                throw new IllegalArgumentException("a refusal needs a reason and a message");
            }
        }

        @Override
        public String type() {
            return "no-route";
        }
    }

    /** Why a call has no route. */
    enum Reason {
        /** The JID is not in the roster. */
        UNKNOWN_CONTACT,
        /** The contact has no telephony address at all. */
        NO_TELS,
        /** The contact's only numbers are fax or pager numbers. */
        NOT_CALLABLE,
        /** The address (or every address of the contact) could not be understood. */
        UNPARSEABLE_ADDRESS,
        /** There is no SIP account, and calling is off on the XMPP account. */
        NO_TELEPHONY_ACCOUNT,
        /** Accounts exist that could call, but calling is switched off on all of them. */
        CALLING_DISABLED,
        /** Calling is on for some account, but none of them is online. */
        NO_ACCOUNT_ONLINE;

        /** The name used in JSON output, e.g. {@code no-account-online}. */
        public String token() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
