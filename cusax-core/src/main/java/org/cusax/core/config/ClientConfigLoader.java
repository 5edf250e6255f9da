package org.cusax.core.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.account.Protocol;
import org.cusax.core.account.Secret;
import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.ServerEndpoint;
import org.cusax.core.account.Transport;
import org.cusax.core.connection.Backoff;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.security.SecurityProfile;
import org.cusax.core.service.CusaxLink;

/** Turns a {@link ConfigFile} into a {@link ClientConfig}, reporting the first problem clearly. */
public final class ClientConfigLoader {
    private final Map<String, String> env;
    private final Path home;

    /**
     * @param env  environment variables (passwords may come from there)
     * @param home the user's home directory, for {@code ~/} in paths
     */
    public ClientConfigLoader(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    public static ClientConfigLoader fromSystem() {
        return new ClientConfigLoader(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public ClientConfig load(ConfigFile file) {
        ConfigValues c = new ConfigValues(file, home);
        try {
            Optional<Account> chat = c.optional("xmpp.jid").map(jid -> xmppAccount(c, jid));
            Optional<Account> telephony = c.optional("sip.aor").map(aor -> sipAccount(c, aor));
            if (chat.isEmpty() && telephony.isEmpty()) {
                throw new ConfigError(file.source() + ": neither xmpp.jid nor sip.aor is set: nothing to log in to");
            }
            XmppSettings xmpp = new XmppSettings(c.string("xmpp.resource"), c.bool("xmpp.sasl.allow-plain"),
                    c.duration("xmpp.connect-timeout"), c.duration("xmpp.reply-timeout"),
                    c.bool("xmpp.stream-management"));
            SipSettings sip = new SipSettings(c.string("sip.display-name"), c.string("sip.user-agent"),
                    c.string("sip.local.address"), c.integer("sip.local.port", 0, 65535),
                    c.duration("sip.register.expires"), c.duration("sip.keepalive.interval"),
                    c.integer("sip.max-message-size", 1500, 16 * 1024 * 1024), c.list("sip.digest.algorithms"),
                    c.duration("sip.request-timeout"), c.bool("sip.call-info"),
                    c.string("sip.trusted-proxy"), c.duration("sip.call.ring-timeout"),
                    c.duration("sip.call.ack-timeout"), c.duration("sip.call.media-timeout"))
                    .withTrustProxyByAddress(c.bool("sip.trusted-proxy.by-address"))
                    .withListenerIdentity(c.path("sip.tls.listener-certificate"), c.path("sip.tls.listener-key"));
            Backoff backoff = new Backoff(c.duration("reconnect.initial-delay"), c.duration("reconnect.max-delay"),
                    c.decimal("reconnect.multiplier"), c.decimal("reconnect.jitter"));
            return new ClientConfig(new CusaxLink(telephony, chat), xmpp, sip, backoff, contacts(c), presence(c),
                    new HistorySettings(c.path("history.dir")), audio(c), new DaemonSettings(c.path("daemon.state-dir")
                    .orElseThrow(() -> new ConfigError("daemon.state-dir must not be empty")),
                    c.integer("daemon.port", 0, 65535)),
                    new ServicePolicy(c.bool("service.policy.chat-after-telephony"),
                            c.bool("service.policy.all-or-nothing")),
                    provisioning(c), securityProfile(c),
                    new RoutingSettings(c.list("routing.own-numbers"), c.bool("routing.confirm-inter-domain")));
        } catch (ConfigError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigError(file.source() + ": " + e.getMessage(), e);
        }
    }

    private static ProvisioningSettings provisioning(ConfigValues c) {
        Optional<String> url = c.optional("provisioning.url");
        url.ifPresent(u -> {
            if (!u.toLowerCase(Locale.ROOT).startsWith("https://")) {
                throw c.error("provisioning.url", "'" + u + "' is not an https:// URL (provisioning is HTTPS only)");
            }
        });
        Optional<String> dns = c.optional("discovery.dns-server");
        dns.ifPresent(d -> {
            if (!d.matches("[^:\\s]+(:\\d{1,5})?|\\[[0-9a-fA-F:.]+\\](:\\d{1,5})?")) {
                throw c.error("discovery.dns-server", "'" + d + "' is not host or host:port");
            }
        });
        return new ProvisioningSettings(url, c.optional("provisioning.version"), c.optional("provisioning.user"),
                c.path("provisioning.password-file"), c.path("provisioning.trust-store"),
                c.bool("provisioning.refresh"), dns);
    }

    private static ContactSettings contacts(ConfigValues c) {
        String region = c.optional("contacts.default-region").map(r -> r.toUpperCase(Locale.ROOT))
                .orElseGet(ClientConfigLoader::systemRegion);
        TelPreference preference;
        try {
            preference = TelPreference.parse(c.string("contacts.tel-preference"))
                    .deciding(c.bool("contacts.tel-preference-decides"));
        } catch (IllegalArgumentException e) {
            throw c.error("contacts.tel-preference", e.getMessage());
        }
        return new ContactSettings(region, preference, c.path("contacts.cache-dir"),
                c.integer("contacts.requests-in-flight", 1, 1000), c.bool("contacts.publish-reachability"),
                c.bool("contacts.prime-caps"), c.integer("contacts.max-roster", 1, ContactSettings.MAX_ROSTER_LIMIT));
    }

    private static AudioSettings audio(ConfigValues c) {
        String input = c.string("audio.input");
        String output = c.string("audio.output");
        if (input.isBlank()) {
            throw c.error("audio.input", "is empty: use default, none or a device name (cusax audio-devices lists them)");
        }
        if (output.isBlank()) {
            throw c.error("audio.output", "is empty: use default, none or a device name (cusax audio-devices lists them)");
        }
        return new AudioSettings(input, output);
    }

    private static PresenceSettings presence(ConfigValues c) {
        String show = c.string("presence.on-the-phone.show");
        org.cusax.core.contact.Availability availability = org.cusax.core.contact.Availability.fromToken(show)
                .filter(org.cusax.core.contact.Availability::online)
                .orElseThrow(() -> c.error("presence.on-the-phone.show",
                        "'" + show + "' is not one of chat, available, away, xa, dnd"));
        return new PresenceSettings(c.bool("presence.on-the-phone"),
                new org.cusax.core.contact.Presence(availability, c.string("presence.on-the-phone.status")),
                c.bool("presence.busy-when-on-phone"));
    }

    private static String systemRegion() {
        String country = Locale.getDefault().getCountry();
        return country.matches("[A-Z]{2}") ? country : "US";
    }

    private Account xmppAccount(ConfigValues c, String jid) {
        String bare = jid.startsWith("xmpp:") ? jid.substring(5) : jid;
        int at = bare.indexOf('@');
        if (at <= 0 || at == bare.length() - 1 || bare.contains("/")) {
            throw c.error("xmpp.jid", "'" + jid + "' is not a bare JID (user@domain)");
        }
        String domain = bare.substring(at + 1);
        String host = c.optional("xmpp.host").orElse(domain);
        ServerEndpoint server = new ServerEndpoint(host, c.integer("xmpp.port", 1, 65535), Transport.TCP);
        Secret password = PasswordSource.resolve(c, "xmpp", env);
        return new Account(Protocol.XMPP, bare, bare.substring(0, at), password, domain, server,
                security(c, "xmpp", true), new Features(c.bool("xmpp.features.calling"), c.bool("xmpp.features.im-presence")));
    }

    private Account sipAccount(ConfigValues c, String aor) {
        SipAddress address;
        try {
            address = SipAddress.parse(aor);
        } catch (IllegalArgumentException e) {
            throw c.error("sip.aor", e.getMessage());
        }
        Transport transport;
        try {
            transport = Transport.parse(c.string("sip.transport"));
        } catch (IllegalArgumentException e) {
            throw c.error("sip.transport", e.getMessage());
        }
        String host = c.optional("sip.proxy.host").orElse(address.domain());
        int port = c.integer("sip.proxy.port", 0, 65535);
        ServerEndpoint server = new ServerEndpoint(host, port == 0 ? transport.defaultSipPort() : port, transport);
        String authUser = c.optional("sip.auth-user").orElse(address.user());
        Secret password = PasswordSource.resolve(c, "sip", env);
        // Choosing udp or tcp explicitly is the user's decision to run SIP without TLS; the client
        // still tells the user when the halves then differ in security (SecurityParity).
        return new Account(Protocol.SIP, address.uri(), authUser, password, address.domain(), server,
                security(c, "sip", transport.encrypted()), new Features(c.bool("sip.features.calling"), c.bool("sip.features.im-presence")));
    }

    private static SecurityProfile securityProfile(ConfigValues c) {
        try {
            return SecurityProfile.parse(c.string("security.profile"));
        } catch (IllegalArgumentException e) {
            throw c.error("security.profile", e.getMessage());
        }
    }

    private static SecuritySettings security(ConfigValues c, String prefix, boolean requireTls) {
        Optional<Path> store = c.path(prefix + ".tls.trust-store").or(() -> c.path("tls.trust-store"));
        Optional<Secret> storePassword = c.optional(prefix + ".tls.trust-store-password")
                .or(() -> c.optional("tls.trust-store-password")).map(Secret::of);
        String minVersion = c.string("tls.min-version");
        if (!SecuritySettings.SUPPORTED_TLS_VERSIONS.contains(minVersion)) {
            throw c.error("tls.min-version", "'" + minVersion + "' is not one of " + SecuritySettings.SUPPORTED_TLS_VERSIONS);
        }
        return new SecuritySettings(store, storePassword, minVersion, requireTls);
    }
}
