package org.cusax.bench.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.NormalizedAddress;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelSource;
import org.cusax.core.port.ChatCallbacks;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.port.RosterItem;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason;

/**
 * What the client's core does with the Chat half's contact callbacks (roster entries and TELs into a
 * {@link ContactBook}: normalized and indexed), timed: when the first number became known and when the
 * contact list was loaded.
 */
final class LoadWatch implements ChatCallbacks {
    private final ContactBook book;
    private final long start;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private volatile long rosterNanos = -1;
    private volatile long firstNumberNanos = -1;
    private volatile long loadedNanos = -1;

    LoadWatch(ContactBook book, long startNanos) {
        this.book = book;
        this.start = startNanos;
    }

    @Override
    public void onRoster(List<RosterItem> items) {
        items.forEach(i -> book.putRosterEntry(i.jid(), i.name()));
        if (!items.isEmpty() && rosterNanos < 0) {
            rosterNanos = System.nanoTime() - start;
        }
    }

    @Override
    public void onTels(String jid, TelSource source, List<RawTel> tels) {
        book.setTels(jid, source, tels);
        if (!tels.isEmpty() && firstNumberNanos < 0) {
            firstNumberNanos = System.nanoTime() - start;
        }
    }

    @Override
    public void onTels(String jid, TelSource source, List<RawTel> tels, String rules, List<NormalizedAddress> forms) {
        book.setTels(jid, source, tels, rules, forms); // the cached list: known forms, nothing to parse
        if (!tels.isEmpty() && firstNumberNanos < 0) {
            firstNumberNanos = System.nanoTime() - start;
        }
    }

    @Override
    public void onContactsLoaded(int total) {
        if (loadedNanos < 0) {
            loadedNanos = System.nanoTime() - start;
        }
        loaded.countDown();
    }

    /**
     * A scenario whose connection failed and was made again is timed with its reconnection: said on stderr with the
     * reason, so that an outlier can be told from a slow server.
     */
    @Override
    public void onStatus(ConnectionStatus status) {
        if (status.state() == ConnectionState.RECONNECTING || status.state() == ConnectionState.FAILED) {
            System.err.printf("cusax %s %d ms after its start: %s%n", status.state(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                    status.reason().map(FailureReason::message).orElse("(no reason)"));
        }
    }

    @Override
    public void onMessage(ChatMessage incoming) {
    }

    @Override
    public void onAcknowledged(String messageId) {
    }

    @Override
    public void onDeliveryFailed(String messageId, String reason) {
    }

    void await(Duration timeout) throws InterruptedException, TimeoutException {
        if (!loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("contacts not loaded within " + timeout);
        }
    }

    double loadedMillis() {
        return loadedNanos / 1e6;
    }

    /** When the first non-empty roster reached the core (cold: the server's roster; warm: the cached one). */
    double rosterMillis() {
        return rosterNanos / 1e6;
    }

    double firstNumberMillis() {
        return firstNumberNanos / 1e6;
    }
}
