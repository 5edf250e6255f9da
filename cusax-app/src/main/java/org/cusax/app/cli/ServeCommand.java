package org.cusax.app.cli;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.cusax.app.daemon.Daemon;
import org.cusax.app.daemon.DaemonLock;
import org.cusax.app.json.JsonWriter;
import org.cusax.core.config.ClientConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Runs the daemon: one session for the account, kept up until Ctrl-C / SIGTERM, which log out cleanly
 * (un-REGISTER, unavailable presence). Other cusax commands then use it instead of logging in again.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Stay logged in as a daemon serving the command API on 127.0.0.1 until stopped (Ctrl-C); "
                + "other cusax commands for the same account then use it.",
            "With --sign-in, or when the config file does not exist yet, it starts signed out: the web page's "
                + "sign-in form (user id and password, as cusax login, or manual settings) keeps the config file "
                + "and starts the session."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    CusaxCli cli;

    @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop by itself after this long (default: run until stopped).")
    Duration duration;

    @picocli.CommandLine.Mixin
    SignInOptions signIn = new SignInOptions();

    @Override
    public Integer call() throws Exception {
        if (signIn.requested || !java.nio.file.Files.exists(cli.configPath())) {
            LogLevels.apply(cli.verbosity());
            return new SignedOutServe(cli, signIn).run(duration);
        }
        Optional<ClientConfig> loaded = cli.daemonConfig();
        if (loaded.isEmpty()) {
            return ExitCodes.CONFIG;
        }
        ClientConfig config = loaded.get();
        String account = config.link().chat().or(() -> config.link().telephony()).map(a -> a.address()).orElse("");
        try (StopSignal signal = new StopSignal()) {
            Daemon daemon;
            try {
                daemon = Daemon.start(config, cli.factory(), new SecureRandom(),
                        java.util.Optional.of(cli.configPath()).filter(java.nio.file.Files::isRegularFile));
            } catch (DaemonLock.HeldElsewhere e) {
                cli.err.println("cusax: " + account + ": " + e.getMessage());
                return ExitCodes.DAEMON;
            }
            try {
                report(account, daemon);
                signal.await(duration);
            } finally {
                daemon.close();
            }
        }
        return ExitCodes.OK;
    }

    private void report(String account, Daemon daemon) {
        if (cli.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "daemon-started");
            m.put("account", account);
            m.put("pid", ProcessHandle.current().pid());
            m.put("url", "http://127.0.0.1:" + daemon.port());
            m.put("lockFile", daemon.files().lock().toString());
            m.put("tokenFile", daemon.files().token().toString());
            daemon.server().webClient().ifPresent(w -> {
                m.put("page", w.pageUrl());
                m.put("signInLink", w.signInLink());
            });
            new JsonWriter(cli.out).line(m);
        } else {
            cli.out.println("cusax: serving " + account + " on http://127.0.0.1:" + daemon.port() + " (pid "
                    + ProcessHandle.current().pid() + "); token in " + daemon.files().token() + "; stop with Ctrl-C");
            daemon.server().webClient().ifPresent(w -> cli.out.println("cusax: web client: open " + w.signInLink()
                    + " (works once, for " + org.cusax.app.web.WebSessions.CODE_LIFETIME.toMinutes() + " minutes)"));
            cli.out.flush();
        }
    }
}
