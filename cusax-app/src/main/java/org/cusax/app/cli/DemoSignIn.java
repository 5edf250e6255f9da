package org.cusax.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.cusax.app.provisioning.DnsJavaRecords;
import org.cusax.app.provisioning.HttpsClients;
import org.cusax.app.provisioning.HttpsProvisioningFetcher;
import org.cusax.app.provisioning.SignIn;
import org.cusax.core.account.Secret;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.discovery.Discovery;
import org.cusax.core.discovery.UserId;
import org.cusax.core.provisioning.KeptConfig;
import org.cusax.core.provisioning.ProvisioningException;
import org.cusax.sandbox.Sandbox;
import org.cusax.sandbox.demo.DemoUser;

/**
 * How {@code cusax demo} signs its user in: user id and password only, through the sandbox's provisioning
 * server, with {@link SignIn} — the code of {@code cusax login --provisioning-url URL --trust-store CA}.
 * The kept configuration and its password file go to {@code signin/} in the sandbox directory, and the
 * loader's home is that directory, so history and contact cache stay inside it and go when it goes.
 */
final class DemoSignIn {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Sandbox sandbox;

    DemoSignIn(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Where the signed-in user's configuration is kept (its password file beside it). */
    Path configFile(DemoUser user) {
        return sandbox.workDir().resolve("signin").resolve(user.name() + ".conf");
    }

    /** The loader the client is built with: home = the sandbox directory. */
    ClientConfigLoader loader() {
        return new ClientConfigLoader(Map.of(), sandbox.workDir());
    }

    /** Signs {@code user} in; {@code report} gets each step, as {@code cusax login} prints them. */
    SignIn.Result signIn(DemoUser user, Consumer<String> report) throws ProvisioningException, IOException {
        Optional<Path> trust = Optional.of(sandbox.caCertificateFile());
        HttpsProvisioningFetcher https = new HttpsProvisioningFetcher(HttpsClients.create(trust, TIMEOUT), TIMEOUT);
        SignIn signIn = new SignIn(https, new Discovery(DnsJavaRecords.create(Optional.empty(), TIMEOUT), https),
                loader());
        Path config = configFile(user);
        SignIn.Result result = signIn.run(new SignIn.Request(UserId.parse(user.jid()), Secret.of(user.password()),
                Optional.of(sandbox.provisioningUrl()), trust, Optional.empty(), config), report);
        keepInsideTheSandbox(config, result);
        return result;
    }

    /**
     * Adds the local keys that keep history and contact cache inside the sandbox directory, also for the
     * session's commands (which load the file with the user's own home).
     */
    private void keepInsideTheSandbox(Path config, SignIn.Result result) throws IOException {
        KeptConfig kept = KeptConfig.read(config);
        Map<String, String> local = new LinkedHashMap<>(kept.local());
        local.put("history.dir", sandbox.workDir().resolve("history").toString());
        local.put("contacts.cache-dir", sandbox.workDir().resolve("contacts-cache").resolve("signin").toString());
        new KeptConfig(local, kept.provisioned()).write(config, KeptConfig.header("provisioned by "
                + result.url().map(Object::toString).orElse("?") + ", version " + result.version().orElse("?")));
    }
}
