package org.cusax.app.cli;

import java.time.Duration;

import org.cusax.app.json.JsonModel;
import org.cusax.app.json.JsonWriter;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.client.ServiceStatus;
import org.cusax.core.connection.ConnectionStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Logs in on both halves, waits until each is online or has failed, prints both, logs out. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Log in and show each half (Chat, Telephony): state, reason, security.")
final class StatusCommand extends ClientCommand implements OnDaemon {
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "How long to wait for both halves to settle (default: ${DEFAULT-VALUE}).",
            converter = DurationConverter.class)
    Duration timeout;

    @Override
    public int onDaemon(org.cusax.app.remote.DaemonConnection daemon, JsonWriter json) throws InterruptedException {
        return RemoteCommands.status(cli, daemon, json, timeout);
    }

    @Override
    int run(CusaxClient client, JsonWriter json) throws InterruptedException {
        start(client);
        ServiceStatus status = client.awaitSettled(timeout);
        if (cli.json) {
            json.line(JsonModel.status(status, client.link()));
        } else {
            for (ConnectionStatus half : status.halves()) {
                cli.out.println(HumanFormat.half(half, client.link()));
            }
            if (!status.parity().matched()) {
                cli.out.println("WARNING: " + status.parity().explanation());
            }
        }
        boolean allUp = status.halves().stream()
                .allMatch(h -> h.state().up() || client.link().account(h.half()).isEmpty());
        return allUp ? ExitCodes.OK : ExitCodes.NOT_ONLINE;
    }
}
