package org.cusax.provisioning.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cusax.provisioning.directory.DirectoryUser;

/**
 * Writes a user's provisioning document: a cusax.conf body (keys of {@code cusax.conf.reference}) with
 * both accounts, their servers and security, the feature switches, and the provisioning and service
 * policy keys of {@link ProvisioningKeys}. Never a password: the client keeps the one the user typed.
 * The version is a digest of everything but the version and URL lines, so every server instance computes
 * the same version for the same user and service, and it changes whenever the document does.
 */
public final class ProvisioningDocument {
    private final ServiceProfile service;

    public ProvisioningDocument(ServiceProfile service) {
        this.service = service;
    }

    /** The document's keys and values in file order, without version and URL. */
    public Map<String, String> entries(DirectoryUser user) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("xmpp.jid", user.id().toString());
        e.put("xmpp.host", service.xmppHost());
        e.put("xmpp.port", Integer.toString(service.xmppPort()));
        e.put("xmpp.sasl.allow-plain", "false");
        e.put("xmpp.features.calling", "false");
        e.put("xmpp.features.im-presence", "true");
        e.put("sip.aor", user.sipAor());
        e.put("sip.auth-user", user.sipAuthUser());
        e.put("sip.display-name", user.displayName());
        e.put("sip.proxy.host", service.sipHost());
        e.put("sip.proxy.port", Integer.toString(service.sipPort()));
        e.put("sip.transport", service.sipTransport());
        e.put("sip.digest.algorithms", "SHA-256,MD5");
        e.put("sip.features.calling", "true");
        e.put("sip.features.im-presence", "false");
        e.put("tls.min-version", "TLSv1.2");
        if (!service.defaultRegion().isEmpty()) {
            e.put("contacts.default-region", service.defaultRegion());
        }
        e.put(ProvisioningKeys.KEY_CHAT_AFTER_TELEPHONY, Boolean.toString(service.chatAfterTelephony()));
        e.put(ProvisioningKeys.KEY_ALL_OR_NOTHING, Boolean.toString(service.allOrNothing()));
        return e;
    }

    /** The version of the user's current document. */
    public String version(DirectoryUser user) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : entries(user).entrySet()) {
                sha.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole document as sent, fetched from {@code url}. */
    public String write(DirectoryUser user, String url) {
        StringBuilder b = new StringBuilder();
        b.append("# cusax provisioning document for ").append(user.id()).append('\n');
        b.append("# Holds no secret: the client keeps what the user typed to sign in.\n");
        b.append(ProvisioningKeys.KEY_VERSION).append(" = ").append(version(user)).append('\n');
        b.append(ProvisioningKeys.KEY_URL).append(" = ").append(url).append('\n');
        for (Map.Entry<String, String> e : entries(user).entrySet()) {
            b.append(e.getKey()).append(" = ").append(oneLine(e.getValue())).append('\n');
        }
        return b.toString();
    }

    private static String oneLine(String value) {
        return value.replace('\n', ' ').replace('\r', ' ');
    }
}
