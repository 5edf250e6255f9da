package org.cusax.app.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cusax-listen-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (AutoCloseable subscription = client.subscribe(event -> {
            if (cli.json) {
                json.line(JsonModel.event(event, client.link()));
            } else {
                cli.out.println(HumanFormat.event(event, client.link()));
                cli.out.flush();
            }
        })) {
            client.start();
            if (duration == null) {
                stop.await();
            } else {
                stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
            client.close();
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for 'closed', which is now released
            }
        }
        return ExitCodes.OK;
    }
}
