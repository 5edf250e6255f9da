package org.cusax.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

import org.cusax.app.provisioning.HttpsClients;
import org.cusax.app.provisioning.HttpsProvisioningFetcher;
import org.cusax.core.client.SecurityParity;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigFile;
import org.cusax.core.config.ProvisioningSettings;
import org.cusax.core.provisioning.ConfiguredSecurity;
import org.cusax.core.provisioning.ProvisioningException;
import org.cusax.core.provisioning.Reprovisioning;

/**
 * Loads the config file; when it was provisioned, first asks the provisioning server whether a newer
 * document exists (sending the version kept): "not modified" keeps it, a new version replaces it and
 * the changes are reported on stderr, a failure keeps the old one and says why.
 */
final class ProvisionedStart {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final ClientConfigLoader loader;
    private final PrintStream err;

    ProvisionedStart(ClientConfigLoader loader, PrintStream err) {
        this.loader = loader;
        this.err = err;
    }

    ClientConfig load(Path path) {
        ClientConfig config = loader.load(ConfigFile.read(path));
        ProvisioningSettings settings = config.provisioning();
        if (!settings.provisioned() || !settings.refresh() || settings.user().isEmpty()) {
            return config;
        }
        Reprovisioning.Outcome outcome;
        try {
            HttpsProvisioningFetcher fetcher = new HttpsProvisioningFetcher(
                    HttpsClients.create(settings.trustStore(), TIMEOUT), TIMEOUT);
            outcome = new Reprovisioning(fetcher, loader).refresh(path, settings);
        } catch (ProvisioningException e) {
            outcome = new Reprovisioning.Outcome(Reprovisioning.Result.FAILED, settings.version(),
                    java.util.List.of(), java.util.Optional.of(e.getMessage()));
        }
        switch (outcome.result()) {
            case KEPT -> {
                return config;
            }
            case REPLACED -> {
                err.println("cusax: provisioning: version " + outcome.version().orElse("?") + " replaces "
                        + settings.version().orElse("(none)") + ": " + String.join("; ", outcome.changes()));
                ClientConfig replaced = loader.load(ConfigFile.read(path));
                SecurityParity parity = ConfiguredSecurity.of(replaced.link());
                if (!parity.matched()) {
                    err.println("cusax: provisioning: WARNING: " + parity.explanation());
                }
                return replaced;
            }
            default -> {
                err.println("cusax: provisioning: keeping version " + settings.version().orElse("(none)")
                        + " (could not check for a newer one: " + outcome.problem().orElse("unknown") + ")");
                return config;
            }
        }
    }
}
