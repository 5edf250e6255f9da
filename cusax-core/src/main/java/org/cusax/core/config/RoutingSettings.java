package org.cusax.core.config;

import java.util.List;

/**
 * How calls leaving our service are treated (RFC 7081 §5).
 *
 * @param ownNumbers         E.164 prefixes our service owns ({@code routing.own-numbers}); empty = unknown
 * @param confirmInterDomain an inter-domain call is placed only once the user confirmed it
 *                           ({@code routing.confirm-inter-domain})
 */
public record RoutingSettings(List<String> ownNumbers, boolean confirmInterDomain) {
    public RoutingSettings {
        ownNumbers = ownNumbers == null ? List.of() : List.copyOf(ownNumbers);
    }

    public static RoutingSettings defaults() {
        return new RoutingSettings(List.of(), true);
    }
}
