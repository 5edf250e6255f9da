package org.cusax.core.client;

import java.util.Locale;

/** Light validation of chat addresses given by users, before the XMPP half parses them fully. */
final class ChatAddresses {
    private ChatAddresses() {
    }

    /** Accepts {@code user@domain} (optionally with an {@code xmpp:} prefix); returns the bare JID. */
    static String requireBareJid(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the chat address is empty");
        }
        String jid = text.trim();
        if (jid.regionMatches(true, 0, "xmpp:", 0, 5)) {
            jid = jid.substring(5);
        }
        int slash = jid.indexOf('/');
        if (slash >= 0) {
            jid = jid.substring(0, slash);
        }
        int at = jid.indexOf('@');
        if (at <= 0 || at != jid.lastIndexOf('@') || at == jid.length() - 1
                || jid.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("'" + text + "' is not a chat address (expected user@domain)");
        }
        return jid.substring(0, at) + "@" + jid.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
