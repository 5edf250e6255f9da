package org.cusax.app.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.cusax.app.provisioning.Login;

import picocli.CommandLine.Option;

/** {@code cusax serve}'s options for a daemon started signed out (those of {@code cusax login}). */
final class SignInOptions {
    @Option(names = "--sign-in", description = "Start signed out: the web page shows the sign-in form (also "
            + "when the config file does not exist yet). A sign-in keeps the config file, as cusax login does.")
    boolean requested;

    @Option(names = "--provisioning-url", paramLabel = "URL",
            description = "For the page's sign-in: the provisioning URL (https:// only; default: discovery).")
    URI provisioningUrl;

    @Option(names = "--dns-server", paramLabel = "HOST:PORT",
            description = "For the page's sign-in: DNS server for discovery (default: the system resolver).")
    String dnsServer;

    @Option(names = "--trust-store", paramLabel = "FILE", description = "For the page's sign-in: CA certificates "
            + "trusted for the provisioning server and both halves (default: the system trust store).")
    Path trustStore;

    @Option(names = "--sign-in-timeout", paramLabel = "DURATION", defaultValue = "15s",
            converter = DurationConverter.class,
            description = "For the page's sign-in: budget for each DNS query and HTTPS request (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    Login.Options loginOptions() {
        return new Login.Options(Optional.ofNullable(provisioningUrl), Optional.ofNullable(trustStore),
                Optional.ofNullable(dnsServer), timeout, false);
    }
}
