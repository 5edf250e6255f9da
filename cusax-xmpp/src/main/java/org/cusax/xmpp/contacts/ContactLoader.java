package org.cusax.xmpp.contacts;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fetches vCards in a pipeline: every request asked for is sent at once without waiting for answers, up
 * to a window of {@code limit} outstanding, and while the transport is {@link TelQueries#ready() ready}; each
 * answer frees a slot for the next queued request. A request is
 * queued once however often it is asked for while pending. A request that got no answer is tried once
 * more; one lost with the connection is handed back at once as dropped, not as an answer.
 *
 * <p>Not thread-safe: every method must run on the owner's thread, and answers are handed back to that
 * thread through {@code executor}.
 */
public final class ContactLoader {
    /** Where answers go (on the owner's thread). */
    public interface Sink {
        void loaded(String jid, TelKind kind, TelResult result);

        /** No answer will come: the request went unanswered twice, or failed otherwise for good. */
        void failed(String jid, TelKind kind, Throwable cause);

        /**
         * The request was lost with the connection ({@link TelQueries#retryable} says no): not an answer. What
         * the session does about the connection's loss (a resumed stream, a new roster) asks for it again.
         */
        void dropped(String jid, TelKind kind, Throwable cause);
    }

    private record Key(String jid, TelKind kind) {
    }

    /** What keeps queued requests back right now. */
    private enum Hold { NONE, WINDOW, GATE }

    private final TelQueries queries;
    private final int limit;
    private final Executor executor;
    private final Sink sink;
    private final ArrayDeque<Key> queue = new ArrayDeque<>();
    private final Set<Key> pending = new HashSet<>();
    private final Map<Key, Integer> retried = new HashMap<>();
    private final AtomicLong vcardTempRequests = new AtomicLong();
    private final AtomicLong vcard4Requests = new AtomicLong();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong gateHolds = new AtomicLong();
    private final AtomicLong windowHolds = new AtomicLong();
    private Hold hold = Hold.NONE;
    private int inFlight;
    private long generation;

    /**
     * @param limit    most requests outstanding at once (≥ 1)
     * @param executor runs answer handling on the owner's thread
     */
    public ContactLoader(TelQueries queries, int limit, Executor executor, Sink sink) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one request must be allowed in flight");
        }
        this.queries = queries;
        this.limit = limit;
        this.executor = executor;
        this.sink = sink;
        queries.whenReady(() -> handOver(this::pump));
    }

    /** Queues {@code kind} of {@code jid} unless it is already queued or in flight. */
    public boolean request(String jid, TelKind kind) {
        Key key = new Key(jid, kind);
        if (!pending.add(key)) {
            return false;
        }
        queue.add(key);
        pump();
        return true;
    }

    /** Whether {@code kind} of {@code jid} is queued or in flight. */
    public boolean pending(String jid, TelKind kind) {
        return pending.contains(new Key(jid, kind));
    }

    /** Forgets every queued and in-flight request (connection lost); late answers are ignored. */
    public void cancelAll() {
        queue.clear();
        pending.clear();
        retried.clear();
        inFlight = 0;
        hold = Hold.NONE;
        generation++;
    }

    /** Requests outstanding now. */
    public int inFlight() {
        return inFlight;
    }

    public long vcardTempRequests() {
        return vcardTempRequests.get();
    }

    public long vcard4Requests() {
        return vcard4Requests.get();
    }

    /** The window: most requests outstanding at once. */
    public int limit() {
        return limit;
    }

    /** Requests sent again after a failure that was worth a retry (a timeout). */
    public long retries() {
        return retries.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    /**
     * How often queued requests had to wait with a slot of the window free because the transport was not
     * {@link TelQueries#ready()} (XEP-0198: too many stanzas unacknowledged): each wait counts once, however
     * many requests it held back and however often the loader looked meanwhile.
     */
    public long gateHolds() {
        return gateHolds.get();
    }

    /** How often queued requests had to wait for an answer because the window was full (counted as gateHolds). */
    public long windowHolds() {
        return windowHolds.get();
    }

    private void pump() {
        while (!queue.isEmpty()) {
            if (inFlight >= limit) {
                held(Hold.WINDOW, windowHolds);
                return;
            }
            if (!queries.ready()) {
                held(Hold.GATE, gateHolds);
                return;
            }
            hold = Hold.NONE;
            Key key = queue.poll();
            inFlight++;
            maxInFlight.accumulateAndGet(inFlight, Math::max);
            (key.kind() == TelKind.VCARD_TEMP ? vcardTempRequests : vcard4Requests).incrementAndGet();
            long sent = generation;
            CompletableFuture<TelResult> answer;
            try {
                answer = queries.fetch(key.jid(), key.kind());
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((result, failure) -> handOver(() -> answered(sent, key, result, failure)));
        }
    }

    private void held(Hold why, AtomicLong counter) {
        if (hold != why) {
            hold = why;
            counter.incrementAndGet();
        }
    }

    private void handOver(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // the owner has stopped: nobody wants the answer any more
        }
    }

    private void answered(long sent, Key key, TelResult result, Throwable failure) {
        if (sent != generation) {
            return;
        }
        inFlight--;
        if (failure == null) {
            pending.remove(key);
            retried.remove(key);
            sink.loaded(key.jid(), key.kind(), result == null ? TelResult.EMPTY : result);
        } else if (!queries.retryable(failure)) {
            pending.remove(key);
            retried.remove(key);
            sink.dropped(key.jid(), key.kind(), failure);
        } else if (retried.merge(key, 1, Integer::sum) == 1) {
            retries.incrementAndGet();
            queue.addFirst(key);
        } else {
            pending.remove(key);
            retried.remove(key);
            sink.failed(key.jid(), key.kind(), failure);
        }
        pump();
    }
}
