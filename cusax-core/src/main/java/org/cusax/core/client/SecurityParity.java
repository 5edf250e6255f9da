package org.cusax.core.client;

import java.util.Optional;

import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.SecurityLevel;

/**
 * Whether the two halves run at the same security level. CUSAX users must never have, say, chat over
 * TLS and telephony in the clear without being told.
 *
 * @param matched     both halves online at the same level (or only one half online)
 * @param chat        Chat's level, when online
 * @param telephony   Telephony's level, when online
 * @param explanation what the user should know
 */
public record SecurityParity(boolean matched, Optional<SecurityLevel> chat, Optional<SecurityLevel> telephony,
                             String explanation) {

    public static SecurityParity evaluate(ConnectionStatus chat, ConnectionStatus telephony) {
        Optional<SecurityLevel> c = chat.state().up() ? Optional.of(chat.security().level()) : Optional.empty();
        Optional<SecurityLevel> t = telephony.state().up() ? Optional.of(telephony.security().level())
                : Optional.empty();
        if (c.isEmpty() || t.isEmpty()) {
            return new SecurityParity(true, c, t, "only one half is online");
        }
        if (c.get() == t.get()) {
            return new SecurityParity(true, c, t, c.get() == SecurityLevel.TLS
                    ? "Chat and Telephony are both protected by TLS"
                    : "Chat and Telephony are both unencrypted");
        }
        String weaker = c.get() == SecurityLevel.NONE ? "Chat" : "Telephony";
        String stronger = c.get() == SecurityLevel.NONE ? "Telephony" : "Chat";
        return new SecurityParity(false, c, t,
                weaker + " is unencrypted while " + stronger + " uses TLS: " + weaker
                        + " can be read and altered on the network");
    }
}
