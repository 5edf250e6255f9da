package org.cusax.core.client;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.cusax.core.account.Account;
import org.cusax.core.account.Protocol;
import org.cusax.core.routing.RoutingDecision;

/** Turns what the user typed into the one SIP address to invite (RFC 7081 §4 routing). */
final class CallTargets {
    private CallTargets() {
    }

    /**
     * @param domain the SIP account's domain: a {@code tel:} route becomes {@code sip:NUMBER@domain;user=phone}
     *               (RFC 3261 §19.1.6), which the proxy routes
     */
    static String sipAddress(String target, Function<String, RoutingDecision> router, String domain) {
        return sipAddress(target, router, domain, Optional.empty());
    }

    /**
     * @param via the account the user chose ({@code sip}, {@code xmpp}, or an account's address): picks
     *            among several accounts (RFC 7081 §4: the user decides), and is checked against a single route
     */
    static String sipAddress(String target, Function<String, RoutingDecision> router, String domain,
                             Optional<String> via) {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("no call target given");
        }
        String t = target.strip();
        Optional<String> chosen = via.map(String::strip).filter(v -> !v.isEmpty());
        if (t.startsWith("sip:") || t.startsWith("sips:")) {
            chosen.filter(v -> !isSipChoice(v)).ifPresent(v -> {
                throw new IllegalArgumentException("a sip: address is called over the SIP account, not via " + v);
            });
            return t;
        }
        RoutingDecision decision = router.apply(t);
        if (decision instanceof RoutingDecision.ChooseAccount choose && chosen.isPresent()) {
            Account account = choose.candidates().stream().filter(a -> matches(a, chosen.get())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no account " + chosen.get() + " can call "
                            + t + "; choose one of " + choose.candidates().stream().map(Account::address).toList()));
            decision = choose.pick(account);
        }
        if (decision instanceof RoutingDecision.Route route && chosen.isPresent()
                && !matches(route.account(), chosen.get())) {
            throw new IllegalArgumentException(t + " is called via " + route.account().address() + ", not via "
                    + chosen.get());
        }
        if (decision instanceof RoutingDecision.Route route && route.account().protocol() != Protocol.SIP) {
            throw new IllegalArgumentException("calls through the XMPP account " + route.account().address()
                    + " (Jingle) are not supported; call via the SIP account");
        }
        if (decision instanceof RoutingDecision.Route route && route.address().startsWith("sip")) {
            return route.address();
        }
        if (decision instanceof RoutingDecision.Route route && route.address().startsWith("tel:")) {
            String number = route.address().substring(4).split(";", 2)[0];
            return "sip:" + number + "@" + domain + ";user=phone";
        }
        if (decision instanceof RoutingDecision.NoRoute none) {
            throw new IllegalArgumentException("cannot call " + t + ": " + none.message());
        }
        if (decision instanceof RoutingDecision.ChooseAccount choose) {
            throw new IllegalArgumentException("several accounts can call " + t + ": choose one with --via ("
                    + choose.candidates().stream().map(Account::address).toList() + ")");
        }
        throw new IllegalArgumentException("cannot call " + t + " directly (" + decision.type()
                + "): give a sip: address or the number to call");
    }

    private static boolean isSipChoice(String via) {
        String v = via.toLowerCase(Locale.ROOT);
        return v.equals("sip") || v.startsWith("sip:") || v.startsWith("sips:");
    }

    /** {@code sip}/{@code xmpp} name the protocol; anything else names the account's address. */
    private static boolean matches(Account account, String via) {
        String v = via.toLowerCase(Locale.ROOT);
        if (v.equals("sip") || v.equals("xmpp")) {
            return account.protocol().name().equalsIgnoreCase(v);
        }
        String address = account.address().toLowerCase(Locale.ROOT);
        return address.equals(v) || address.equals("sip:" + v) || v.equals("xmpp:" + address);
    }

    static String newCallId() {
        return UUID.randomUUID().toString();
    }
}
