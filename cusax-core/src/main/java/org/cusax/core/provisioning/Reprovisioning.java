package org.cusax.core.provisioning;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cusax.core.account.Secret;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ProvisioningSettings;

/**
 * Asks the provisioning server for a newer document than the one kept (sending its version): "not
 * modified" keeps the file, a new document is validated and replaces the provisioned keys (local keys
 * stay), and the changes are reported. Any failure keeps the file as it is.
 */
public final class Reprovisioning {
    /** What happened to the kept file. */
    public enum Result { KEPT, REPLACED, FAILED }

    /**
     * @param result  what happened
     * @param version the version now kept
     * @param changes the provisioned keys that changed (REPLACED)
     * @param problem why the check failed (FAILED), for the user
     */
    public record Outcome(Result result, Optional<String> version, List<String> changes, Optional<String> problem) {
    }

    private final ProvisioningFetcher fetcher;
    private final ClientConfigLoader loader;

    public Reprovisioning(ProvisioningFetcher fetcher, ClientConfigLoader loader) {
        this.fetcher = fetcher;
        this.loader = loader;
    }

    /** Refreshes the kept file {@code path} whose provisioning settings are {@code settings}. */
    public Outcome refresh(Path path, ProvisioningSettings settings) {
        if (settings.url().isEmpty() || settings.user().isEmpty() || settings.passwordFile().isEmpty()) {
            return failed(settings, "provisioning.url, provisioning.user and provisioning.password-file are needed to "
                    + "ask for a newer document");
        }
        try {
            Secret password = PrivateFiles.readPassword(settings.passwordFile().get());
            KeptConfig before = KeptConfig.read(path);
            URI url = URI.create(settings.url().get());
            Optional<ProvisioningFetcher.FetchedDocument> fetched =
                    fetcher.fetch(url, settings.user().get(), password, settings.version());
            if (fetched.isEmpty()) {
                return new Outcome(Result.KEPT, settings.version(), List.of(), Optional.empty());
            }
            ProvisioningDocument document = ProvisioningDocument.parse(fetched.get().url(), fetched.get().text());
            document.validate(loader, before.local());
            KeptConfig after = before.withProvisioned(document.values());
            after.write(path, KeptConfig.header("provisioned by " + fetched.get().url() + ", version "
                    + document.version()));
            return new Outcome(Result.REPLACED, Optional.of(document.version()), after.changesSince(before),
                    Optional.empty());
        } catch (ProvisioningException e) {
            return failed(settings, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return failed(settings, e.getMessage());
        }
    }

    private static Outcome failed(ProvisioningSettings settings, String problem) {
        return new Outcome(Result.FAILED, settings.version(), List.of(), Optional.of(problem));
    }
}
