package org.cusax.app.signin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cusax.core.account.Secret;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigError;
import org.cusax.core.config.ConfigFile;
import org.cusax.core.provisioning.KeptConfig;
import org.cusax.core.provisioning.PrivateFiles;

/**
 * Sign-in by hand, for services without provisioning: the addresses and servers of each half typed in the
 * page, kept as the config file (600) with the passwords in their own files (600) beside it — the same files
 * {@code cusax login} writes, loaded exactly as the client will load them before anything is kept.
 *
 * @param xmppJid      our bare JID (empty = no Chat half)
 * @param xmppHost     XMPP server (empty = the JID's domain)
 * @param xmppPort     XMPP port (empty = 5222)
 * @param sipAor       our SIP address-of-record (empty = no Telephony half)
 * @param sipProxy     registrar / outbound proxy host (empty = the AOR's domain)
 * @param sipPort      its port (empty = the transport's default)
 * @param sipTransport udp, tcp or tls (empty = tls)
 * @param sipAuthUser  digest user name (empty = the AOR's user part)
 * @param password     the password of both halves (or of Chat only when {@code sipPassword} is given)
 * @param sipPassword  the SIP password when it differs
 */
public record ManualSettings(String xmppJid, String xmppHost, String xmppPort, String sipAor, String sipProxy,
                             String sipPort, String sipTransport, String sipAuthUser, Secret password,
                             Optional<Secret> sipPassword) {

    /** Checks, keeps and returns the configuration; nothing is kept when it is not valid. */
    public ClientConfig keep(Path config, Optional<Path> trustStore, ClientConfigLoader loader)
            throws IOException, ConfigError {
        if (xmppJid.isBlank() && sipAor.isBlank()) {
            throw new ConfigError("give an XMPP address (JID), a SIP address (AOR), or both");
        }
        Path passwordFile = sibling(config, ".password");
        Path sipPasswordFile = sipPassword.isPresent() ? sibling(config, ".sip.password") : passwordFile;
        Map<String, String> keys = new LinkedHashMap<>();
        trustStore.ifPresent(t -> keys.put("tls.trust-store", t.toAbsolutePath().toString()));
        if (!xmppJid.isBlank()) {
            keys.put("xmpp.jid", xmppJid.strip());
            keys.put("xmpp.password-file", passwordFile.toString());
            put(keys, "xmpp.host", xmppHost);
            put(keys, "xmpp.port", xmppPort);
        }
        if (!sipAor.isBlank()) {
            String aor = sipAor.strip();
            keys.put("sip.aor", aor.contains(":") ? aor : "sip:" + aor);
            keys.put("sip.password-file", sipPasswordFile.toString());
            put(keys, "sip.proxy.host", sipProxy);
            put(keys, "sip.proxy.port", sipPort);
            put(keys, "sip.transport", sipTransport);
            put(keys, "sip.auth-user", sipAuthUser);
        }
        for (String value : keys.values()) {
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new ConfigError("a setting holds a line break");
            }
        }
        KeptConfig kept = new KeptConfig(keys, Map.of());
        String header = KeptConfig.header("manual settings from the web page's sign-in");
        List<Path> written = new ArrayList<>();
        try {
            PrivateFiles.createDirectories(config.toAbsolutePath().getParent());
            write(passwordFile, password, written);
            if (sipPassword.isPresent() && !sipAor.isBlank()) {
                write(sipPasswordFile, sipPassword.get(), written);
            }
            ClientConfig loaded = loader.load(ConfigFile.parse("the manual settings", kept.render(header)));
            kept.write(config, header);
            return loaded;
        } catch (IOException | RuntimeException e) {
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
            throw e;
        }
    }

    private static void write(Path file, Secret secret, List<Path> written) throws IOException {
        if (!Files.exists(file)) {
            written.add(file);
        }
        PrivateFiles.writePassword(file, secret);
    }

    private static void put(Map<String, String> keys, String key, String value) {
        if (value != null && !value.isBlank()) {
            keys.put(key, value.strip());
        }
    }

    /** {@code cusax.conf} → {@code cusax.password} (as {@code cusax login} names it). */
    static Path sibling(Path config, String suffix) {
        String name = config.getFileName().toString();
        String base = name.endsWith(".conf") ? name.substring(0, name.length() - 5) : name;
        return config.toAbsolutePath().resolveSibling(base + suffix);
    }

    @Override
    public String toString() {
        return "ManualSettings[" + xmppJid + ", " + sipAor + ", passwords hidden]";
    }
}
