package org.cusax.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.cusax.app.json.JsonWriter;
import org.cusax.app.provisioning.Login;
import org.cusax.app.provisioning.SignIn;
import org.cusax.core.account.Secret;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigError;
import org.cusax.core.discovery.UserId;
import org.cusax.core.provisioning.ProvisioningException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Signs in with a user id and password: discovery, provisioning, and the result kept as the config. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Sign in with only your user id and password: finds your service (provisioning URL, "
                + "DNS SRV _cusax-provisioning._tcp, https://DOMAIN/.well-known/cusax-provisioning, then the XMPP "
                + "SRV and SIP NAPTR/SRV records), says what it tried and found, and keeps the configuration as "
                + "the config file (mode 600; the password in a separate mode-600 file beside it).",
            "The password is read from --password-file, else prompted for on a terminal, else read from the "
                + "first line of stdin; never from the command line."})
final class LoginCommand implements Callable<Integer> {
    @ParentCommand
    CusaxCli cli;

    @Parameters(paramLabel = "USER_ID", description = "alice@example.com (or alice with --provisioning-url).")
    String userId;

    @Option(names = "--provisioning-url", paramLabel = "URL", description = "Provisioning URL (https:// only).")
    URI provisioningUrl;

    @Option(names = "--dns-server", paramLabel = "HOST:PORT", description = "DNS server for discovery "
            + "(default: discovery.dns-server of the existing config, else the system resolver).")
    String dnsServer;

    @Option(names = "--trust-store", paramLabel = "FILE", description = "CA certificates (PEM, PKCS#12, JKS) trusted "
            + "for the provisioning server and both halves (default: the system trust store).")
    Path trustStore;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from this file's first line.")
    Path passwordFile;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15s", converter = DurationConverter.class,
            description = "Budget for each DNS query and HTTPS request (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--force", description = "Replace a config file that was not written by cusax login.")
    boolean force;

    @Override
    public Integer call() {
        LogLevels.apply(cli.verbosity());
        List<String> steps = new ArrayList<>();
        JsonWriter json = new JsonWriter(cli.out);
        java.util.function.Consumer<String> report = line -> {
            steps.add(line);
            if (!cli.json) {
                cli.out.println(line);
            }
        };
        UserId id;
        try {
            id = UserId.parse(userId);
        } catch (IllegalArgumentException e) {
            cli.err.println("cusax login: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Path config = cli.configPath();
        if (!force && !Login.mayReplace(config)) { // before asking for the password
            cli.err.println("cusax login: " + new Login.NotOurs(config).getMessage());
            return ExitCodes.CONFIG;
        }
        try {
            Secret password = password();
            Login login = new Login(new ClientConfigLoader(cli.env(), cli.home()), new Login.Options(
                    Optional.ofNullable(provisioningUrl), Optional.ofNullable(trustStore), Optional.ofNullable(dnsServer),
                    timeout, force));
            SignIn.Result result = login.run(id, password, config, report);
            LoginReport.print(cli, json, id, result, steps, config);
            return ExitCodes.OK;
        } catch (Login.NotOurs e) {
            cli.err.println("cusax login: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (ProvisioningException e) {
            return LoginReport.failed(cli, json, e, steps);
        } catch (IOException | ConfigError | IllegalArgumentException e) {
            cli.err.println("cusax login: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
    }

    private Secret password() throws IOException {
        if (passwordFile != null) {
            String first = Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            if (first.isEmpty()) {
                throw new IOException("the password file " + passwordFile + " is empty");
            }
            return Secret.of(first);
        }
        Console console = System.console();
        if (console != null && cli.in == System.in) {
            char[] typed = console.readPassword("Password for %s: ", userId);
            if (typed == null || typed.length == 0) {
                throw new IOException("no password typed");
            }
            return Secret.of(typed);
        }
        String line = new BufferedReader(new InputStreamReader(cli.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new IOException("no password: give --password-file FILE, type it at the prompt, or pipe it on stdin");
        }
        return Secret.of(line);
    }
}
