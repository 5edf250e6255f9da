package org.cusax.app.cli;

import java.util.concurrent.Callable;

import org.cusax.app.json.JsonWriter;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ConfigError;

import picocli.CommandLine.ParentCommand;

/** A subcommand that loads the config, runs a client for its duration, and always closes it. */
abstract class ClientCommand implements Callable<Integer> {
    @ParentCommand
    CusaxCli cli;

    @Override
    public final Integer call() throws Exception {
        LogLevels.apply(cli.verbosity());
        ClientConfig config;
        try {
            config = cli.loadConfig();
        } catch (ConfigError e) {
            cli.err.println("cusax: configuration error: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try (CusaxClient client = cli.factory().create(config)) {
            return run(client, new JsonWriter(cli.out));
        }
    }

    /** The command's work; the client is not started yet. */
    abstract int run(CusaxClient client, JsonWriter json) throws Exception;
}
