package org.cusax.core.client;

import org.cusax.core.contact.Jids;

/** Light validation of chat addresses given by users, before the XMPP half parses them fully. */
final class ChatAddresses {
    private ChatAddresses() {
    }

    /** Accepts {@code user@domain} (optionally with an {@code xmpp:} prefix or a resource); returns the bare JID. */
    static String requireBareJid(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the chat address is empty");
        }
        String bare;
        try {
            bare = Jids.requireBare(text);
        } catch (IllegalArgumentException e) {
            bare = null;
        }
        if (bare == null || bare.indexOf('@') <= 0) {
            throw new IllegalArgumentException("'" + text + "' is not a chat address (expected user@domain)");
        }
        return bare;
    }
}
