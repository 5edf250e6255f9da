package org.cusax.core.provisioning;

import java.util.Optional;

import org.cusax.core.account.Account;
import org.cusax.core.client.SecurityParity;
import org.cusax.core.connection.SecurityLevel;
import org.cusax.core.service.CusaxLink;

/**
 * The security parity of a configuration before anything connects (RFC 7081 §7): a provisioned or
 * discovered configuration that runs one half with TLS and the other without is flagged to the user.
 */
public final class ConfiguredSecurity {
    private ConfiguredSecurity() {
    }

    /** The parity the two configured halves will have; matched when only one half is configured. */
    public static SecurityParity of(CusaxLink link) {
        Optional<SecurityLevel> chat = link.chat().map(ConfiguredSecurity::level);
        Optional<SecurityLevel> telephony = link.telephony().map(ConfiguredSecurity::level);
        if (chat.isEmpty() || telephony.isEmpty()) {
            return new SecurityParity(true, chat, telephony, "only one half is configured");
        }
        if (chat.get() == telephony.get()) {
            return new SecurityParity(true, chat, telephony, chat.get() == SecurityLevel.TLS
                    ? "Chat and Telephony are both configured with TLS"
                    : "Chat and Telephony are both configured without encryption");
        }
        String weaker = chat.get() == SecurityLevel.NONE ? "Chat" : "Telephony";
        String stronger = chat.get() == SecurityLevel.NONE ? "Telephony" : "Chat";
        return new SecurityParity(false, chat, telephony, "TLS on one half only: " + weaker
                + " is configured without encryption while " + stronger + " uses TLS: " + weaker
                + " can be read and altered on the network");
    }

    private static SecurityLevel level(Account account) {
        return account.security().requireTls() ? SecurityLevel.TLS : SecurityLevel.NONE;
    }
}
