package org.cusax.app.provisioning;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.cusax.core.account.Secret;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigError;
import org.cusax.core.config.ConfigFile;
import org.cusax.core.discovery.Discovery;
import org.cusax.core.discovery.UserId;
import org.cusax.core.provisioning.ProvisioningException;

/**
 * The login core shared by {@code cusax login} and the web page's sign-in: refuses to replace a config file
 * cusax login did not write (unless forced), takes the provisioning URL, trust store and DNS server from the
 * options or else from the config kept by an earlier login, builds the HTTPS and DNS clients and runs
 * {@link SignIn} (discovery, provisioning, config and password file kept with mode 600).
 */
public final class Login {
    /**
     * What the user may set besides id and password (each empty = from the kept config, else the default).
     *
     * @param provisioningUrl a provisioning URL (https only)
     * @param trustStore      CA certificates for the provisioning server and both halves
     * @param dnsServer       DNS server for discovery (host:port)
     * @param timeout         budget of each DNS query and HTTPS request
     * @param force           replace a config file that was not written by cusax login
     */
    public record Options(Optional<URI> provisioningUrl, Optional<Path> trustStore, Optional<String> dnsServer,
                          Duration timeout, boolean force) {
        public static Options defaults() {
            return new Options(Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(15), false);
        }
    }

    /** The config file exists and was not written by cusax login: nothing was asked or written. */
    public static final class NotOurs extends Exception {
        public NotOurs(Path config) {
            super(config + " exists and was not written by cusax login: use -c OTHER_FILE, or --force to replace it");
        }
    }

    private final ClientConfigLoader loader;
    private final Options options;

    public Login(ClientConfigLoader loader, Options options) {
        this.loader = loader;
        this.options = options;
    }

    /**
     * Signs {@code id} in and keeps the result as {@code config}; {@code report} gets each step as people read
     * it. The password goes to the provisioning server and to the password file, nowhere else.
     */
    public SignIn.Result run(UserId id, Secret password, Path config, Consumer<String> report)
            throws NotOurs, ProvisioningException, IOException {
        Map<String, String> existing = existing(config);
        if (!existing.isEmpty() && !existing.containsKey("#login") && !options.force()) {
            throw new NotOurs(config);
        }
        Optional<URI> url = options.provisioningUrl().or(() -> Optional.ofNullable(existing.get("provisioning.url"))
                .filter(s -> !s.isEmpty()).map(URI::create));
        Optional<Path> trust = options.trustStore().or(() -> Optional.ofNullable(
                existing.get("provisioning.trust-store")).filter(s -> !s.isEmpty()).map(Path::of));
        Optional<String> dns = options.dnsServer().or(() -> Optional.ofNullable(
                existing.get("discovery.dns-server")).filter(s -> !s.isEmpty()));
        HttpsProvisioningFetcher https = new HttpsProvisioningFetcher(HttpsClients.create(trust, options.timeout()),
                options.timeout());
        SignIn signIn = new SignIn(https, new Discovery(DnsJavaRecords.create(dns, options.timeout()), https), loader);
        return signIn.run(new SignIn.Request(id, password, url, trust, dns, config), report);
    }

    /** Whether {@code config} may be written by a login (absent, or written by one) without --force. */
    public static boolean mayReplace(Path config) {
        Map<String, String> existing = existing(config);
        return existing.isEmpty() || existing.containsKey("#login");
    }

    /** The keys of the config file there now ("#login" when cusax login wrote it); empty when none. */
    private static Map<String, String> existing(Path config) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (!Files.exists(config)) {
            return keys;
        }
        try {
            if (Files.readString(config, StandardCharsets.UTF_8).startsWith("# Written by cusax login")) {
                keys.put("#login", "");
            }
            ConfigFile file = ConfigFile.read(config);
            for (String key : List.of("provisioning.url", "provisioning.trust-store", "discovery.dns-server")) {
                keys.put(key, file.get(key));
            }
        } catch (IOException | ConfigError e) {
            keys.put("#unreadable", e.getMessage());
        }
        return keys;
    }
}
