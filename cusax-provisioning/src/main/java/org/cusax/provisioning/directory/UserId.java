package org.cusax.provisioning.directory;

import java.util.Locale;

/** A directory user id, {@code localpart@domain}; a bare {@code localpart} takes the directory's default domain. */
public record UserId(String localpart, String domain) {
    public UserId {
        localpart = localpart.strip().toLowerCase(Locale.ROOT);
        domain = domain.strip().toLowerCase(Locale.ROOT);
        if (!localpart.matches("[a-z0-9][a-z0-9._+-]{0,63}")) {
            throw new IllegalArgumentException("invalid user name '" + localpart
                    + "' (letters, digits, . _ + - ; at most 64)");
        }
        if (!domain.matches("[a-z0-9]([a-z0-9-]{0,62}\\.)*[a-z0-9-]{1,63}")) {
            throw new IllegalArgumentException("invalid domain '" + domain + "'");
        }
    }

    /**
     * @param text          {@code alice} or {@code alice@example.com}
     * @param defaultDomain the domain of a bare user name; null when none is configured
     */
    public static UserId parse(String text, String defaultDomain) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty user id");
        }
        int at = text.indexOf('@');
        if (at < 0) {
            if (defaultDomain == null || defaultDomain.isBlank()) {
                throw new IllegalArgumentException("user id '" + text + "' has no domain and no default domain is set");
            }
            return new UserId(text, defaultDomain);
        }
        return new UserId(text.substring(0, at), text.substring(at + 1));
    }

    @Override
    public String toString() {
        return localpart + "@" + domain;
    }
}
