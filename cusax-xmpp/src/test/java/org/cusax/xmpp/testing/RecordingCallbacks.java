package org.cusax.xmpp.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.port.ChatCallbacks;

/** Records everything a Chat port reports and lets a test wait for it. */
public final class RecordingCallbacks implements ChatCallbacks {
    private final List<ConnectionStatus> statuses = new ArrayList<>();
    private final List<ChatMessage> messages = new ArrayList<>();
    private final List<String> acknowledged = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    @Override
    public synchronized void onStatus(ConnectionStatus status) {
        statuses.add(status);
        notifyAll();
    }

    @Override
    public synchronized void onMessage(ChatMessage incoming) {
        messages.add(incoming);
        notifyAll();
    }

    @Override
    public synchronized void onAcknowledged(String messageId) {
        acknowledged.add(messageId);
        notifyAll();
    }

    @Override
    public synchronized void onDeliveryFailed(String messageId, String reason) {
        failed.add(messageId + ": " + reason);
        notifyAll();
    }

    public synchronized List<ConnectionStatus> statuses() {
        return List.copyOf(statuses);
    }

    public synchronized List<ChatMessage> messages() {
        return List.copyOf(messages);
    }

    public synchronized List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    public synchronized List<String> failed() {
        return List.copyOf(failed);
    }

    public synchronized ConnectionStatus last() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }

    /** Waits for the n-th (1-based) status in this state, counting from the start of the recording. */
    public ConnectionStatus awaitState(ConnectionState state, int nth, Duration timeout) throws InterruptedException {
        return await(() -> statuses.stream().filter(s -> s.state() == state).skip(nth - 1L).findFirst().orElse(null),
                timeout, "status " + state + " #" + nth);
    }

    public ConnectionStatus awaitState(ConnectionState state, Duration timeout) throws InterruptedException {
        return awaitState(state, 1, timeout);
    }

    public ChatMessage awaitMessage(Predicate<ChatMessage> match, Duration timeout) throws InterruptedException {
        return await(() -> messages.stream().filter(match).findFirst().orElse(null), timeout, "a matching message");
    }

    public String awaitAck(String id, Duration timeout) throws InterruptedException {
        return await(() -> acknowledged.contains(id) ? id : null, timeout, "ack of " + id);
    }

    private synchronized <T> T await(java.util.function.Supplier<T> probe, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + what + " within " + timeout + "; statuses: " + statuses
                        + "; messages: " + messages + "; acks: " + acknowledged + "; failed: " + failed);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
