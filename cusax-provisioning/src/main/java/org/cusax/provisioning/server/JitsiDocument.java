package org.cusax.provisioning.server;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cusax.provisioning.directory.DirectoryUser;

/**
 * The provisioning answer for Jitsi Desktop: Java properties with one SIP and one Jabber account
 * (Jitsi's {@code net.java.sip.communicator.impl.protocol.*.accN.*} account properties), the SIP account
 * linked to the Jabber one (Jitsi's CUSAX property {@code cusax.XMPP_ACCOUNT_ID}), calling off on Jabber,
 * SRTP mandatory when SIP runs over TLS, and {@code provisioning.ALLOW_PREFIX} naming exactly the two
 * account prefixes sent. The account ids are derived from the user id, so a re-provisioning updates the
 * same accounts. {@code *.PASSWORD} keys carry the password the user typed for this very request:
 * Jitsi moves them into its credential store, so it does not prompt again; nothing else holds it.
 */
public final class JitsiDocument {
    static final String SIP_PREFIX = "net.java.sip.communicator.impl.protocol.sip.";
    static final String JABBER_PREFIX = "net.java.sip.communicator.impl.protocol.jabber.";
    private final ServiceProfile service;

    public JitsiDocument(ServiceProfile service) {
        this.service = service;
    }

    public String write(DirectoryUser user, char[] typedPassword) {
        String suffix = Long.toString(Math.abs(UUID.nameUUIDFromBytes(
                user.id().toString().getBytes(StandardCharsets.UTF_8)).getMostSignificantBits() % 1_000_000_000_000L));
        String sipAcc = "acc" + suffix;
        String jabberAcc = "acc" + (suffix + "1");
        String sip = SIP_PREFIX + sipAcc;
        String jabber = JABBER_PREFIX + jabberAcc;
        Properties p = new Properties();
        String jid = user.id().toString();
        String sipUser = user.sipAor().substring(user.sipAor().indexOf(':') + 1);
        String sipHost = service.sipHost().isEmpty() ? user.sipDomain() : service.sipHost();
        int sipPort = service.sipPort() != 0 ? service.sipPort() : "tls".equals(service.sipTransport()) ? 5061 : 5060;

        p.setProperty(sip, sipAcc);
        p.setProperty(sip + ".ACCOUNT_UID", "SIP:" + sipUser);
        p.setProperty(sip + ".PROTOCOL_NAME", "SIP");
        p.setProperty(sip + ".USER_ID", sipUser);
        p.setProperty(sip + ".AUTHORIZATION_NAME", user.sipAuthUser());
        p.setProperty(sip + ".DISPLAY_NAME", user.displayName());
        p.setProperty(sip + ".SERVER_ADDRESS", user.sipDomain());
        p.setProperty(sip + ".PROXY_ADDRESS", sipHost);
        p.setProperty(sip + ".PROXY_PORT", Integer.toString(sipPort));
        p.setProperty(sip + ".PROXY_AUTO_CONFIG", "false");
        p.setProperty(sip + ".PREFERRED_TRANSPORT", service.sipTransport().toUpperCase(java.util.Locale.ROOT));
        p.setProperty(sip + ".IS_PRESENCE_ENABLED", "false");
        p.setProperty(sip + ".DEFAULT_ENCRYPTION", Boolean.toString("tls".equals(service.sipTransport())));
        p.setProperty(sip + ".SAVP_OPTION", "tls".equals(service.sipTransport()) ? "1" : "0");
        p.setProperty(sip + ".cusax.XMPP_ACCOUNT_ID", "Jabber:" + jid);
        p.setProperty(sip + ".PASSWORD", new String(typedPassword));

        p.setProperty(jabber, jabberAcc);
        p.setProperty(jabber + ".ACCOUNT_UID", "Jabber:" + jid);
        p.setProperty(jabber + ".PROTOCOL_NAME", "Jabber");
        p.setProperty(jabber + ".USER_ID", jid);
        p.setProperty(jabber + ".SERVER_ADDRESS", service.xmppHost().isEmpty() ? user.id().domain() : service.xmppHost());
        p.setProperty(jabber + ".SERVER_PORT", Integer.toString(service.xmppPort()));
        p.setProperty(jabber + ".IS_SERVER_OVERRIDDEN", Boolean.toString(!service.xmppHost().isEmpty()));
        p.setProperty(jabber + ".CALLING_DISABLED", "true");
        p.setProperty(jabber + ".PASSWORD", new String(typedPassword));

        p.setProperty("provisioning.ALLOW_PREFIX", sip + "|" + jabber);
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Properties.store starts with a date comment: drop comments so equal input gives equal output
        return out.toString().lines().filter(l -> !l.startsWith("#")).sorted()
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
