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
import org.cusax.core.event.ChatMessageStatusChanged;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Sends one chat message and waits until the server has confirmed it. */
@Command(name = "chat", mixinStandardHelpOptions = true, description = "Send a chat message to JID and wait until the server confirms it.")
final class ChatCommand extends ClientCommand implements OnDaemon {
    private static final Duration REASON_WAIT = Duration.ofSeconds(5);

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
    int run(CusaxClient client, JsonWriter json) throws Exception {
        Map<String, String> refusals = new java.util.HashMap<>();
        try (AutoCloseable watch = client.subscribe(e -> {
            if (e instanceof ChatMessageStatusChanged s && s.state() == DeliveryState.FAILED) {
                synchronized (refusals) {
                    refusals.put(s.message().id(), s.reason().orElse("refused"));
                    refusals.notifyAll();
                }
            }
        })) {
            return send(client, json, refusals);
        }
    }

    private int send(CusaxClient client, JsonWriter json, Map<String, String> refusals) throws InterruptedException {
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
        if (last == DeliveryState.FAILED) {
            awaitRefusal(refusals, message.id());
        }
        ConnectionStatus chat = client.status().chat();
        Optional<String> refusal;
        synchronized (refusals) {
            refusal = Optional.ofNullable(refusals.get(message.id()));
        }
        report(json, message, last, chat, refusal);
        return switch (last) {
            case ACKNOWLEDGED -> ExitCodes.OK;
            case FAILED -> ExitCodes.DELIVERY_FAILED;
            default -> chat.state() == ConnectionState.FAILED ? ExitCodes.NOT_ONLINE : ExitCodes.NOT_DELIVERED;
        };
    }

    /** Events are delivered on their own thread: the one saying why may trail the state by a moment. */
    private static void awaitRefusal(Map<String, String> refusals, String id) throws InterruptedException {
        synchronized (refusals) {
            long end = System.nanoTime() + REASON_WAIT.toNanos();
            while (!refusals.containsKey(id) && System.nanoTime() < end) {
                refusals.wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            }
        }
    }

    private void report(JsonWriter json, ChatMessage message, DeliveryState state, ConnectionStatus chat,
                        Optional<String> refusal) {
        String reason = refusal.or(() -> chat.reason().map(r -> r.message())).orElse(null);
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
        } else if (state == DeliveryState.FAILED) {
            cli.err.println("cusax: message to " + message.peer() + " failed: " + (reason == null ? "refused" : reason));
        } else {
            cli.err.println("cusax: message to " + message.peer() + " not confirmed (" + state.name().toLowerCase(
                    java.util.Locale.ROOT) + "); Chat is " + chat.state().name().toLowerCase(java.util.Locale.ROOT)
                    + (reason == null ? "" : ": " + reason));
        }
    }
}
