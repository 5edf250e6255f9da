package org.cusax.app.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cusax.app.json.JsonWriter;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Sends one chat message and waits until the server has confirmed it. */
@Command(name = "chat", description = "Send a chat message to JID and wait until the server confirms it.")
final class ChatCommand extends ClientCommand implements OnDaemon {
    @Parameters(index = "0", paramLabel = "JID", description = "The recipient, e.g. bob@example.com.")
    String jid;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The message (words are joined).")
    List<String> words;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long to wait for the server's confirmation (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public int onDaemon(org.cusax.app.remote.DaemonConnection daemon, JsonWriter json) throws InterruptedException {
        return RemoteCommands.chat(cli, daemon, json, jid, String.join(" ", words), timeout);
    }

    @Override
    int run(CusaxClient client, JsonWriter json) throws InterruptedException {
        ChatMessage message;
        try {
            message = client.sendChat(jid, String.join(" ", words));
        } catch (IllegalArgumentException | IllegalStateException e) {
            cli.err.println("cusax: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        start(client);
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<DeliveryState> state = Optional.of(DeliveryState.QUEUED);
        while (System.nanoTime() < deadline) {
            state = client.awaitDelivery(message.id(), Duration.ofMillis(100));
            if (state.map(s -> s == DeliveryState.ACKNOWLEDGED || s == DeliveryState.FAILED).orElse(true)) {
                break;
            }
            if (client.status().chat().state() == ConnectionState.FAILED) {
                break;
            }
        }
        DeliveryState last = state.orElse(DeliveryState.ACKNOWLEDGED);
        ConnectionStatus chat = client.status().chat();
        report(json, message, last, chat);
        return switch (last) {
            case ACKNOWLEDGED -> ExitCodes.OK;
            case FAILED -> ExitCodes.DELIVERY_FAILED;
            default -> chat.state() == ConnectionState.FAILED ? ExitCodes.NOT_ONLINE : ExitCodes.NOT_DELIVERED;
        };
    }

    private void report(JsonWriter json, ChatMessage message, DeliveryState state, ConnectionStatus chat) {
        String reason = chat.reason().map(r -> r.message()).orElse(null);
        if (cli.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", message.id());
            m.put("to", message.peer());
            m.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
            m.put("chat", chat.state().name().toLowerCase(java.util.Locale.ROOT));
            m.put("reason", state == DeliveryState.ACKNOWLEDGED ? null : reason);
            json.line(m);
        } else if (state == DeliveryState.ACKNOWLEDGED) {
            cli.out.println("sent to " + message.peer() + " (acknowledged)");
        } else {
            cli.err.println("cusax: message to " + message.peer() + " not confirmed (" + state.name().toLowerCase(
                    java.util.Locale.ROOT) + "); Chat is " + chat.state().name().toLowerCase(java.util.Locale.ROOT)
                    + (reason == null ? "" : ": " + reason));
        }
    }
}
