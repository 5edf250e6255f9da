package org.cusax.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.cusax.app.daemon.SignedOutDaemon;
import org.cusax.app.json.JsonWriter;
import org.cusax.app.provisioning.Login;
import org.cusax.app.signin.SignInCommands;
import org.cusax.app.web.WebSessions;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigFile;

/**
 * {@code cusax serve} started signed out: serves the page's sign-in form until a sign-in (user id and password
 * through {@link Login}, or manual settings) keeps the config file and starts the session on the same port.
 * Prints the one-time sign-in link as a configured {@code serve} does ({@code daemon-started} with
 * {@code "state":"signed-out"} in JSON).
 */
final class SignedOutServe {
    private final CusaxCli cli;
    private final SignInOptions options;

    SignedOutServe(CusaxCli cli, SignInOptions options) {
        this.cli = cli;
        this.options = options;
    }

    int run(Duration duration) throws IOException, InterruptedException {
        Path config = cli.configPath();
        ClientConfigLoader loader = new ClientConfigLoader(cli.env(), cli.home());
        Login login = new Login(loader, options.loginOptions());
        try (StopSignal signal = new StopSignal();
             SignedOutDaemon daemon = new SignedOutDaemon(cli.factory(), new SecureRandom(), config, stateDir(cli))) {
            SignInCommands commands = new SignInCommands((id, password, report) -> login.run(id, password, config, report),
                    config, Optional.ofNullable(options.trustStore), loader, daemon, Optional.empty());
            int port;
            try {
                port = daemon.start(commands, 0);
            } catch (org.cusax.app.daemon.DaemonLock.HeldElsewhere e) {
                cli.err.println("cusax: " + config + ": signed out: " + e.getMessage());
                return ExitCodes.DAEMON;
            }
            report(daemon, port, config);
            signal.await(duration);
        }
        return ExitCodes.OK;
    }

    /** {@code daemon.state-dir}'s default (no config yet), {@code ~} being the user's home. */
    static Path stateDir(CusaxCli cli) {
        String dir = ConfigFile.defaults().get("daemon.state-dir");
        String home = Optional.ofNullable(cli.env().get("HOME")).filter(h -> !h.isBlank()).orElse(cli.home().toString());
        return dir.startsWith("~/") ? Path.of(home).resolve(dir.substring(2)) : Path.of(dir);
    }

    private void report(SignedOutDaemon daemon, int port, Path config) {
        var web = daemon.server().webClient().orElseThrow();
        if (cli.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "daemon-started");
            m.put("state", "signed-out");
            m.put("config", config.toString());
            m.put("pid", ProcessHandle.current().pid());
            m.put("url", "http://127.0.0.1:" + port);
            m.put("tokenFile", daemon.tokenFile().toString());
            m.put("page", web.pageUrl());
            m.put("signInLink", web.signInLink());
            new JsonWriter(cli.out).line(m);
        } else {
            cli.out.println("cusax: serving signed out on http://127.0.0.1:" + port + " (pid " + ProcessHandle.current().pid()
                    + "); sign in from the web page (keeps " + config + "); token in " + daemon.tokenFile()
                    + "; stop with Ctrl-C");
            cli.out.println("cusax: web client: open " + web.signInLink() + " (works once, for "
                    + WebSessions.CODE_LIFETIME.toMinutes() + " minutes)");
            cli.out.flush();
        }
    }
}
