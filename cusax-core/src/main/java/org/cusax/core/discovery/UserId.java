package org.cusax.core.discovery;

import java.util.Locale;
import java.util.Optional;

/**
 * The user id typed at sign-in: {@code alice@example.com}, or {@code alice} when a provisioning URL is
 * given (the server knows its domain).
 *
 * @param user   the local part
 * @param domain the service domain, lower case, if given
 */
public record UserId(String user, Optional<String> domain) {
    public static UserId parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.startsWith("xmpp:") || t.startsWith("sip:")) {
            t = t.substring(t.indexOf(':') + 1);
        }
        int at = t.lastIndexOf('@');
        String user = at < 0 ? t : t.substring(0, at);
        String domain = at < 0 ? "" : t.substring(at + 1).toLowerCase(Locale.ROOT);
        if (user.isEmpty() || user.contains("@") || user.contains(" ") || user.contains("/") || user.contains(":")
                || (at >= 0 && !domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"))) {
            throw new IllegalArgumentException("'" + text + "' is not a user id (alice or alice@example.com)");
        }
        return new UserId(user, at < 0 ? Optional.empty() : Optional.of(domain));
    }

    /** As typed: {@code alice@example.com} or {@code alice}. */
    @Override
    public String toString() {
        return domain.map(d -> user + "@" + d).orElse(user);
    }
}
