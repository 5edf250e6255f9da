package org.cusax.sip.keepalive;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

import org.cusax.sip.net.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings one flow periodically and reports its loss. A missing pong counts as a loss only once the
 * server has shown that it answers pings on this flow (RFC 5626 support is not universal; a server
 * that ignores CRLFs, as RFC 3261 §7.5 allows, must not make us reconnect every interval). All work
 * runs on the given (single-threaded) executor, the one the registration logic runs on, so there is
 * nothing to lock.
 */
public final class Keepalive {
    private static final Logger LOG = LoggerFactory.getLogger(Keepalive.class);
    /** RFC 5626 §4.4.1: a pong not received within 10 seconds means the flow failed. */
    public static final Duration PONG_TIMEOUT = Duration.ofSeconds(10);

    private final ScheduledExecutorService executor;
    private final Duration interval;
    private final Duration pongTimeout;
    private final Pinger pinger;
    private final Consumer<String> onLoss;
    private final DoubleSupplier random;
    private Flow flow;
    private ScheduledFuture<?> next;
    private long pingsSent;
    private boolean answersPings;

    public Keepalive(ScheduledExecutorService executor, Duration interval, Pinger pinger, Consumer<String> onLoss) {
        this(executor, interval, PONG_TIMEOUT, pinger, onLoss, Math::random);
    }

    /** @param random uniform values in [0, 1), injectable for tests */
    public Keepalive(ScheduledExecutorService executor, Duration interval, Duration pongTimeout, Pinger pinger,
                     Consumer<String> onLoss, DoubleSupplier random) {
        this.executor = executor;
        this.interval = interval;
        this.pongTimeout = pongTimeout.compareTo(interval) < 0 ? pongTimeout : interval;
        this.pinger = pinger;
        this.onLoss = onLoss;
        this.random = random;
    }

    /** Starts (or restarts) watching {@code watched}. Call on the executor. */
    public void watch(Flow watched) {
        if (watched == flow && next != null && !next.isDone()) {
            return;
        }
        stop();
        flow = watched;
        answersPings = false;
        scheduleNextPing();
    }

    /** Stops pinging. Call on the executor. */
    public void stop() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        flow = null;
    }

    public long pingsSent() {
        return pingsSent;
    }

    private void scheduleNextPing() {
        long ms = Math.max(1, Math.round(interval.toMillis() * (0.8 + 0.2 * random.getAsDouble())));
        Flow watched = flow;
        next = executor.schedule(() -> ping(watched), ms, TimeUnit.MILLISECONDS);
    }

    private void ping(Flow watched) {
        if (watched != flow || !watched.isOpen()) {
            return;
        }
        long before = watched.bytesReceived();
        try {
            pinger.ping();
            pingsSent++;
        } catch (IOException e) {
            lost(watched, "keepalive could not be sent: " + e.getMessage());
            return;
        }
        next = executor.schedule(() -> checkPong(watched, before), pongTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkPong(Flow watched, long before) {
        if (watched != flow || !watched.isOpen()) {
            return;
        }
        if (watched.bytesReceived() > before) {
            answersPings = true;
        } else if (answersPings) {
            lost(watched, "no keepalive answer within " + pongTimeout.toSeconds() + " s");
            return;
        } else {
            LOG.debug("the SIP server does not answer keepalive pings on {}; relying on TCP to notice a loss", watched);
        }
        scheduleNextPing();
    }

    private void lost(Flow watched, String why) {
        stop();
        onLoss.accept(why);
    }
}
