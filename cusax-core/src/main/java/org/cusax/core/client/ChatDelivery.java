package org.cusax.core.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.ChatOutbox;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.event.ChatMessageStatusChanged;
import org.cusax.core.event.EventBus;
import org.cusax.core.port.ChatPort;
import org.cusax.core.port.TransmitResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries outgoing chat through the outbox so that nothing is lost: queued while Chat is down,
 * written in order when it is up, kept until the server acknowledges it (XEP-0198) or refuses it,
 * and queued again if the stream that had it fails for good. Publishes every state change.
 */
final class ChatDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(ChatDelivery.class);

    private final ChatPort port;
    private final EventBus events;
    private final ChatOutbox outbox = new ChatOutbox();
    private final Map<String, CountDownLatch> waiters = new ConcurrentHashMap<>();
    /** The outcome of the most recent finished messages (bounded: live state only); a late refusal needs them. */
    private final Map<String, Finished> finished = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Finished> eldest) {
                    return size() > RECENTLY_FINISHED;
                }
            });

    static final int RECENTLY_FINISHED = 1024;
    static final String NOT_SENT_AT_STOP = "not sent: cusax stopped before Chat was online";
    static final String UNCONFIRMED_AT_STOP = "the server had not confirmed it when cusax stopped; "
            + "it may not have been delivered";

    private record Finished(ChatMessage message, DeliveryState state) {
    }

    ChatDelivery(ChatPort port, EventBus events) {
        this.port = port;
        this.events = events;
    }

    /** Queues a message (already validated) and tries to write it at once. */
    ChatMessage send(String peer, String text) {
        ChatMessage message = ChatMessage.outgoing(peer, text);
        waiters.put(message.id(), new CountDownLatch(1));
        outbox.enqueue(message);
        publish(message, DeliveryState.QUEUED);
        flush();
        return message;
    }

    Optional<DeliveryState> await(String messageId, Duration timeout) throws InterruptedException {
        CountDownLatch latch = waiters.get(messageId);
        if (latch != null) {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        Finished done = finished.get(messageId);
        return done != null ? Optional.of(done.state()) : outbox.state(messageId);
    }

    int pending() {
        return outbox.size();
    }

    /** Senders still waiting for a message's final state (each message not yet acknowledged or failed). */
    int waiting() {
        return waiters.size();
    }

    /** Writes every queued message, oldest first, until the stream says it is not connected. */
    synchronized void flush() {
        for (ChatMessage message : outbox.queued()) {
            TransmitResult result;
            try {
                result = port.transmit(message);
            } catch (RuntimeException e) {
                LOG.warn("sending chat message {} failed; it stays queued", message.id(), e);
                return;
            }
            switch (result) {
                case NOT_CONNECTED -> {
                    return;
                }
                case SENT_AWAITING_ACK -> mark(message.id(), DeliveryState.SENT, Optional.empty());
                case SENT_WITHOUT_ACK -> mark(message.id(), DeliveryState.ACKNOWLEDGED, Optional.empty());
                case REJECTED -> mark(message.id(), DeliveryState.FAILED, Optional.empty());
            }
        }
    }

    void acknowledged(String id) {
        mark(id, DeliveryState.ACKNOWLEDGED, Optional.empty());
    }

    /**
     * The server, or the peer's server, refused the message. An error can come after the server's
     * acknowledgement (the peer's server answers later): the acknowledged message then fails too.
     */
    void failed(String id, String reason) {
        LOG.warn("chat message {} failed: {}", id, reason);
        Finished done = finished.get(id);
        if (done != null && done.state() == DeliveryState.ACKNOWLEDGED) {
            finished.put(id, new Finished(done.message(), DeliveryState.FAILED));
            events.publish(new ChatMessageStatusChanged(Instant.now(), done.message(), DeliveryState.FAILED,
                    Optional.of(reason)));
            return;
        }
        mark(id, DeliveryState.FAILED, Optional.of(reason));
    }

    /**
     * The client stops with its Chat half: the outbox lives in memory, so what is still in it will not be sent by
     * this run. Each such message ends failed with why (never written, or written and not confirmed), so that the
     * sender and the history say so instead of showing it as sent.
     */
    void clientStopped() {
        List<ChatOutbox.Entry> left = outbox.entries();
        if (!left.isEmpty()) {
            LOG.warn("{} chat message(s) not confirmed by the server when the client stopped; marked failed",
                    left.size());
        }
        for (ChatOutbox.Entry e : left) {
            mark(e.message().id(), DeliveryState.FAILED,
                    Optional.of(e.state() == DeliveryState.QUEUED ? NOT_SENT_AT_STOP : UNCONFIRMED_AT_STOP));
        }
    }

    /** The stream is gone for good: what it had not confirmed goes back to the queue. */
    void streamFailed() {
        outbox.requeueUnacknowledged().forEach(m -> publish(m, DeliveryState.QUEUED));
    }

    private void mark(String id, DeliveryState state, Optional<String> reason) {
        outbox.mark(id, state).ifPresent(message -> {
            if (state == DeliveryState.ACKNOWLEDGED || state == DeliveryState.FAILED) {
                finished.put(id, new Finished(message, state));
            }
            events.publish(new ChatMessageStatusChanged(Instant.now(), message, state, reason));
            if (state == DeliveryState.ACKNOWLEDGED || state == DeliveryState.FAILED) {
                CountDownLatch latch = waiters.remove(id);
                if (latch != null) {
                    latch.countDown();
                }
            }
        });
    }

    private void publish(ChatMessage message, DeliveryState state) {
        events.publish(new ChatMessageStatusChanged(Instant.now(), message, state));
    }
}
