package org.cusax.app.cli;

import java.util.concurrent.Callable;

import org.cusax.app.json.JsonWriter;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ConfigError;

import picocli.CommandLine.ParentCommand;

/**
 * A subcommand that loads the config, runs a client for its duration, and always closes it; or, in an
 * interactive session, runs against the session's live client and leaves it running.
 */
abstract class ClientCommand implements Callable<Integer> {
    @ParentCommand
    CusaxCli cli;
    /** The configuration the client was built from; null in an interactive session. */
    private ClientConfig config;

    @Override
    public final Integer call() throws Exception {
        if (cli.session().isPresent()) {
            return run(cli.session().get(), new JsonWriter(cli.out));
        }
        LogLevels.apply(cli.verbosity());
        ClientConfig config;
        try {
            config = cli.loadConfig();
        } catch (ConfigError e) {
            return cli.configError(e);
        }
        this.config = config;
        if (this instanceof OnDaemon remote) {
            java.util.Optional<org.cusax.app.remote.DaemonConnection> daemon = DaemonForwarding.find(cli, config);
            if (daemon.isPresent()) {
                return remote.onDaemon(daemon.get(), new JsonWriter(cli.out));
            }
        }
        try (CusaxClient client = cli.factory().create(config);
             ClosedOnSignal onSignal = new ClosedOnSignal(client)) {
            return run(client, new JsonWriter(cli.out));
        }
    }

    /**
     * Ctrl-C / SIGTERM while the command runs closes the client before the JVM exits: live calls end with
     * BYE / CANCEL / 480 and the halves log out (bounded in time), whatever the command was doing.
     */
    private static final class ClosedOnSignal implements AutoCloseable {
        private final Thread hook;

        ClosedOnSignal(CusaxClient client) {
            hook = new Thread(client::close, "cusax-close-on-signal");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) the close
            }
        }
    }

    /** Starts the client, unless it is the live client of an interactive session (running already). */
    final void start(CusaxClient client) {
        if (cli.session().isEmpty()) {
            client.start();
        }
    }

    /** The sound devices of live calls as configured (the defaults in an interactive session). */
    final org.cusax.core.config.AudioSettings audioSettings() {
        return config == null ? org.cusax.core.config.AudioSettings.defaults() : config.audio();
    }

    /** True in an interactive session: the client is shared and outlives the command. */
    final boolean inSession() {
        return cli.session().isPresent();
    }

    /** The command's work; the client is not started yet (start it with {@link #start}). */
    abstract int run(CusaxClient client, JsonWriter json) throws Exception;
}
