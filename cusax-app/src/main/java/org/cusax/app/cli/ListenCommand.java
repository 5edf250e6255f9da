package org.cusax.app.cli;

import java.time.Duration;

import org.cusax.app.json.JsonModel;
import org.cusax.app.json.JsonWriter;
import org.cusax.core.client.CusaxClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Stays logged in and prints every event (connection changes, chat) until stopped. */
@Command(name = "listen", description = "Stay online and print one event per line until stopped (Ctrl-C).")
final class ListenCommand extends ClientCommand {
    @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop by itself after this long (default: run until stopped).")
    Duration duration;

    @Override
    int run(CusaxClient client, JsonWriter json) throws Exception {
        try (StopSignal signal = new StopSignal();
             AutoCloseable subscription = client.subscribe(event -> {
                 if (cli.json) {
                     json.line(JsonModel.event(event, client.link()));
                 } else {
                     cli.out.println(HumanFormat.event(event, client.link()));
                     cli.out.flush();
                 }
             })) {
            client.start();
            signal.await(duration);
            client.close();
        }
        return ExitCodes.OK;
    }
}
