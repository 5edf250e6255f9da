package org.cusax.core.provisioning;

import java.util.Set;

/**
 * Keys only the user sets: secrets, local files and how this machine reaches the provisioning server.
 * A provisioning document that sets one is refused (a server must never point the client at a local
 * file, whose first line would be sent as a password, nor read or change the user's secrets).
 */
public final class LocalKeys {
    private static final Set<String> KEYS = Set.of(
            "xmpp.password", "xmpp.password-file", "xmpp.password-env",
            "sip.password", "sip.password-file", "sip.password-env",
            "tls.trust-store", "tls.trust-store-password",
            "xmpp.tls.trust-store", "xmpp.tls.trust-store-password",
            "sip.tls.trust-store", "sip.tls.trust-store-password", "sip.tls.listener-certificate", "sip.tls.listener-key",
            "provisioning.user", "provisioning.password-file", "provisioning.trust-store", "provisioning.refresh",
            "discovery.dns-server", "history.dir", "contacts.cache-dir", "sip.local.address", "sip.local.port");

    private LocalKeys() {
    }

    public static boolean local(String key) {
        return KEYS.contains(key);
    }
}
