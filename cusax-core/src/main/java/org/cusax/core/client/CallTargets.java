package org.cusax.core.client;

import java.util.UUID;
import java.util.function.Function;

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
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("no call target given");
        }
        String t = target.strip();
        if (t.startsWith("sip:") || t.startsWith("sips:")) {
            return t;
        }
        RoutingDecision decision = router.apply(t);
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
        throw new IllegalArgumentException("cannot call " + t + " directly (" + decision.type()
                + "): give a sip: address");
    }

    static String newCallId() {
        return UUID.randomUUID().toString();
    }
}
