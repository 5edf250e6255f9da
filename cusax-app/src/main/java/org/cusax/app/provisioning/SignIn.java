package org.cusax.app.provisioning;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.cusax.core.account.Secret;
import org.cusax.core.client.SecurityParity;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigError;
import org.cusax.core.config.ConfigFile;
import org.cusax.core.discovery.Discovery;
import org.cusax.core.discovery.UserId;
import org.cusax.core.provisioning.ConfiguredSecurity;
import org.cusax.core.provisioning.KeptConfig;
import org.cusax.core.provisioning.PrivateFiles;
import org.cusax.core.provisioning.ProvisioningDocument;
import org.cusax.core.provisioning.ProvisioningException;
import org.cusax.core.provisioning.ProvisioningException.Kind;
import org.cusax.core.provisioning.ProvisioningFetcher;

/**
 * Sign-in from a user id and password ({@code cusax login}; the web sign-in uses the same): runs
 * discovery, fetches and validates the provisioning document (or builds the configuration from DNS),
 * then keeps it as the user's config file (600) with the password in its own file (600).
 */
public final class SignIn {
    /**
     * @param id              the user id
     * @param password        the password (kept in {@code passwordFile}, never in the config)
     * @param provisioningUrl a provisioning URL given by the user
     * @param trustStore      CA file trusted for the provisioning server and both halves
     * @param dnsServer       DNS server used for discovery (host:port)
     * @param config          the config file to write
     */
    public record Request(UserId id, Secret password, Optional<URI> provisioningUrl, Optional<Path> trustStore,
                          Optional<String> dnsServer, Path config) {
        /** The password file beside the config: {@code cusax.conf} → {@code cusax.password}. */
        public Path passwordFile() {
            String name = config.getFileName().toString();
            String base = name.endsWith(".conf") ? name.substring(0, name.length() - 5) : name;
            return config.toAbsolutePath().resolveSibling(base + ".password");
        }
    }

    /**
     * @param source  {@code provisioning} or {@code dns}
     * @param url     the provisioning URL used
     * @param version the document version kept
     * @param config  the configuration as the client will load it
     * @param parity  whether both halves are configured with TLS (flagged when not)
     */
    public record Result(String source, Optional<URI> url, Optional<String> version, ClientConfig config,
                         SecurityParity parity) {
    }

    private final ProvisioningFetcher fetcher;
    private final Discovery discovery;
    private final ClientConfigLoader loader;

    public SignIn(ProvisioningFetcher fetcher, Discovery discovery, ClientConfigLoader loader) {
        this.fetcher = fetcher;
        this.discovery = discovery;
        this.loader = loader;
    }

    public Result run(Request request, Consumer<String> report) throws ProvisioningException, IOException {
        Optional<URI> url = discovery.provisioningServer(request.id(), request.provisioningUrl(), report);
        Map<String, String> local = new LinkedHashMap<>();
        String passwordFile = request.passwordFile().toString();
        if (url.isPresent()) {
            local.put("provisioning.user", request.id().toString());
            local.put("provisioning.password-file", passwordFile);
        }
        local.put("xmpp.password-file", passwordFile);
        local.put("sip.password-file", passwordFile);
        request.trustStore().ifPresent(t -> {
            if (url.isPresent()) {
                local.put("provisioning.trust-store", t.toAbsolutePath().toString());
            }
            local.put("tls.trust-store", t.toAbsolutePath().toString());
        });
        request.dnsServer().ifPresent(d -> local.put("discovery.dns-server", d));

        Map<String, String> values;
        String origin;
        if (url.isPresent()) {
            report.accept("asking " + url.get() + " for " + request.id() + "'s configuration");
            ProvisioningFetcher.FetchedDocument fetched = fetcher.fetch(url.get(), request.id().toString(),
                    request.password(), Optional.empty()).orElseThrow(() -> new ProvisioningException(Kind.SERVER,
                    url.get().getHost() + " answered 'not modified' to a request without a version"));
            ProvisioningDocument document = ProvisioningDocument.parse(fetched.url(), fetched.text());
            values = document.values();
            origin = "provisioned by " + fetched.url() + ", version " + document.version();
            report.accept("received version " + document.version() + " (" + values.size() + " settings)");
        } else {
            values = discovery.fromServiceRecords(request.id(), report).orElseThrow(() -> new ProvisioningException(
                    Kind.NOT_FOUND, "no provisioning server and no service records found for '" + request.id()
                    + "': " + Discovery.MANUAL));
            origin = "discovered from the DNS records of " + request.id().domain().orElseThrow();
        }
        KeptConfig kept = new KeptConfig(local, values);
        ClientConfig config = validated(kept, origin, request);
        kept.write(request.config(), KeptConfig.header(origin));
        report.accept("kept in " + request.config() + " (password in " + passwordFile + ")");
        return new Result(url.isPresent() ? "provisioning" : "dns", url,
                Optional.ofNullable(values.get("provisioning.version")), config, ConfiguredSecurity.of(config.link()));
    }

    /** Loads the configuration exactly as the client will; the password file is written first. */
    private ClientConfig validated(KeptConfig kept, String origin, Request request)
            throws ProvisioningException, IOException {
        Path passwordFile = request.passwordFile();
        boolean existed = Files.exists(passwordFile);
        PrivateFiles.writePassword(passwordFile, request.password());
        try {
            return loader.load(ConfigFile.parse("configuration " + origin, kept.render("")));
        } catch (ConfigError e) {
            if (!existed) {
                Files.deleteIfExists(passwordFile);
            }
            throw new ProvisioningException(Kind.INVALID_DOCUMENT, e.getMessage());
        }
    }
}
