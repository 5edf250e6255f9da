package org.cusax.core.contact;

import java.util.Locale;
import java.util.Optional;

/** Bare JIDs as contact keys: lower-case (nodeprep and nameprep fold case), no resource, no xmpp: prefix. */
public final class Jids {
    private Jids() {
    }

    /**
     * The canonical bare JID of {@code user@domain}, {@code domain}, {@code user@domain/resource} or
     * {@code xmpp:user@domain}; empty when the text cannot be a JID (blank, whitespace, several '@').
     */
    public static Optional<String> bare(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String jid = text.strip();
        if (jid.regionMatches(true, 0, "xmpp:", 0, 5)) {
            jid = jid.substring(5);
        }
        int slash = jid.indexOf('/');
        if (slash >= 0) {
            jid = jid.substring(0, slash);
        }
        int at = jid.indexOf('@');
        if (jid.isEmpty() || at == 0 || at == jid.length() - 1 || at != jid.lastIndexOf('@')
                || jid.chars().anyMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>' || c == '"' || c == ':')) {
            return Optional.empty();
        }
        return Optional.of(jid.toLowerCase(Locale.ROOT));
    }

    /** Like {@link #bare(String)}, for values that must be JIDs. */
    public static String requireBare(String text) {
        return bare(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a JID"));
    }
}
