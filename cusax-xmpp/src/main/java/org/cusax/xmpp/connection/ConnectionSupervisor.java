package org.cusax.xmpp.connection;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cusax.core.connection.Backoff;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.port.StatusListener;
import org.cusax.core.service.Half;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.ReconnectionManager;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingFailedListener;
import org.jivesoftware.smackx.ping.PingManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link XMPPTCPConnection} logged in. Every connect/login attempt runs on one private
 * thread; failures are classified, permanent ones end in FAILED, the others are retried after the
 * core's jittered backoff, forever, until {@link #stop}. The backoff delay runs on the retry timer the
 * supervisor is given (the port's; a manual one in tests), which only hands the next attempt to the
 * private thread; {@link #stop} cancels a retry still waiting there. The same connection object is reused for every
 * attempt so that Smack can resume the XEP-0198 stream or, if resumption fails, re-send the stanzas the
 * server had not acknowledged.
 */
public final class ConnectionSupervisor {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSupervisor.class);
    /** Idle time after which we ping the server (XEP-0199) to notice a silently dead connection. */
    static final int KEEPALIVE_SECONDS = 60;

    private final RosterFirstConnection connection;
    private final StatusListener listener;
    private final Backoff backoff;
    private final FailureClassifier classifier;
    private final SessionHooks hooks;
    private final ExecutorService thread;
    private final ScheduledExecutorService retryTimer;
    /** Guards {@link #pendingRetry} against {@link #stop}: no retry is scheduled once stop has cancelled it. */
    private final Object retryLock = new Object();
    private ScheduledFuture<?> pendingRetry; // guarded by retryLock
    private final AtomicBoolean started = new AtomicBoolean();
    /** Counted down once {@link #start} has reported CONNECTING: no attempt reports anything before. */
    private final CountDownLatch announced = new CountDownLatch(1);
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Object reportLock = new Object();
    private volatile boolean online;
    private volatile ConnectionState state = ConnectionState.OFFLINE;
    private int attempt; // touched on the supervisor thread only

    /**
     * @param retryTimer where the backoff delay before the next attempt runs; owned by the caller (the port
     *                   stops it), the supervisor only cancels its own waiting retry on {@link #stop}
     */
    public ConnectionSupervisor(RosterFirstConnection connection, StatusListener listener, Backoff backoff,
                                FailureClassifier classifier, SessionHooks hooks, String threadName,
                                ManagerListeners managers, ScheduledExecutorService retryTimer) {
        if (retryTimer == null) {
            throw new IllegalArgumentException("a retry timer is required");
        }
        this.connection = connection;
        this.retryTimer = retryTimer;
        this.listener = listener;
        this.backoff = backoff;
        this.classifier = classifier;
        this.hooks = hooks;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        ReconnectionManager.getInstanceFor(connection).disableAutomaticReconnection();
        connection.addConnectionListener(new Listener());
        PingManager ping = PingManager.getInstanceFor(connection);
        ping.setPingInterval(KEEPALIVE_SECONDS);
        PingFailedListener failed = () -> lost(FailureReason.of(FailureReason.Kind.TIMEOUT,
                "the server stopped answering keepalive pings"));
        ping.registerPingFailedListener(failed);
        managers.added(() -> ping.unregisterPingFailedListener(failed));
    }

    /**
     * Starts the first attempt on the supervisor thread at once, then waits for {@code first} here (e.g. the
     * cached contact list being reported) and only then reports CONNECTING, and returns. The attempt connects and
     * logs in meanwhile; it reports nothing and runs no {@link SessionHooks} before CONNECTING was reported.
     */
    public void start(Preparation first) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the XMPP connection was already started");
        }
        thread.execute(this::attempt);
        try {
            first.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            report(ConnectionStatus.connecting(Half.CHAT));
            announced.countDown();
        }
    }

    /** What {@link #start(Preparation)} waits for before it reports CONNECTING. */
    @FunctionalInterface
    public interface Preparation {
        void await() throws InterruptedException;
    }

    /** Logged in and set up: stanzas may be sent. */
    public boolean online() {
        return online && connection.isAuthenticated();
    }

    public ConnectionState state() {
        return state;
    }

    private void attempt() {
        if (stopped.get()) {
            return;
        }
        try {
            if (connection.isConnected()) {
                connection.instantShutdown();
            }
            LOG.debug("connecting (attempt {})", attempt + 1);
            connection.connect();
            connection.login();
            announced.await();
            boolean resumed = connection.streamWasResumed();
            LOG.debug("logged in{}", resumed ? ", stream resumed" : "");
            hooks.established(resumed);
            if (stopped.get()) {
                closeQuietly();
                return;
            }
            attempt = 0;
            online = true;
            ChannelSecurity security = hooks.security();
            LOG.info("Chat online as {} ({}{})", connection.getUser(), security.describe(),
                    resumed ? ", stream resumed" : "");
            report(ConnectionStatus.online(Half.CHAT, security));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!stopped.get()) {
                online = false;
                closeQuietly();
                if (awaitAnnounced()) {
                    failed(classifier.classify(e), e);
                }
            }
        }
    }

    /** Whether CONNECTING has been reported (waiting for it); false if interrupted meanwhile (stopping). */
    private boolean awaitAnnounced() {
        try {
            announced.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Called from Smack's or the ping thread: the connection went away while online. */
    private void lost(FailureReason reason) {
        online = false;
        submit(() -> {
            if (stopped.get() || state != ConnectionState.ONLINE) {
                return; // an attempt in progress reports its own failure
            }
            closeQuietly();
            failed(reason, null);
        });
    }

    private void failed(FailureReason reason, Throwable cause) {
        if (reason.kind().permanent()) {
            LOG.warn("Chat failed: {}", reason.message());
            LOG.debug("Chat failure detail", cause);
            report(ConnectionStatus.failed(Half.CHAT, reason));
            return;
        }
        attempt++;
        Duration delay = backoff.delay(attempt);
        LOG.info("Chat reconnecting in {} ms (attempt {}): {}", delay.toMillis(), attempt, reason.message());
        LOG.debug("Chat failure detail", cause);
        // scheduled before it is reported: whoever sees RECONNECTING (or FAILED) sees the retry timer as it stays;
        // the next attempt cannot start before this one returns (both run on the supervisor thread)
        synchronized (retryLock) {
            if (stopped.get()) {
                return;
            }
            try {
                pendingRetry = retryTimer.schedule(() -> submit(this::attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("retry timer already stopped");
                return;
            }
        }
        report(ConnectionStatus.reconnecting(Half.CHAT, reason, attempt, delay));
    }

    private void submit(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("supervisor already stopped");
        }
    }

    private void closeQuietly() {
        try {
            connection.instantShutdown();
        } catch (RuntimeException e) {
            LOG.debug("closing the failed connection", e);
        }
    }

    /** Reports a state; after {@link #stop} only OFFLINE gets through, so OFFLINE is always the last word. */
    private void report(ConnectionStatus status) {
        synchronized (reportLock) {
            if (stopped.get() && status.state() != ConnectionState.OFFLINE) {
                return;
            }
            state = status.state();
            try {
                listener.onStatus(status);
            } catch (RuntimeException e) {
                LOG.warn("status listener failed on {}", status.state(), e);
            }
        }
    }

    /**
     * Logs out and stops every thread, within about {@code budget}. Idempotent.
     *
     * @param goodbye unavailable presence to send before closing the stream, or null for none
     */
    public void stop(Presence goodbye, Duration budget) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        online = false;
        synchronized (retryLock) {
            if (pendingRetry != null) {
                pendingRetry.cancel(false); // the retry timer is the port's: only our retry leaves it
                pendingRetry = null;
            }
        }
        thread.shutdownNow(); // interrupts an attempt in progress
        long deadline = System.nanoTime() + budget.toNanos();
        Thread closer = new Thread(() -> disconnect(goodbye), "cusax-xmpp-stop");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(Math.max(1, budget.toMillis() * 4 / 5));
            if (closer.isAlive()) {
                LOG.info("the server did not close the stream in time; closing the socket");
                // disconnect() waits for the server's closing tag holding the connection's monitor, which
                // closing the socket needs: wake it up first instead of waiting out the reply timeout
                connection.stopWaitingForServer("stopping: the server did not close the stream in time");
                closeQuietly();
                closer.join(Math.max(1, remainingMillis(deadline) / 2));
            }
            thread.awaitTermination(Math.max(1, remainingMillis(deadline)), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        report(ConnectionStatus.offline(Half.CHAT));
    }

    private void disconnect(Presence goodbye) {
        try {
            if (connection.isConnected()) {
                connection.disconnect(connection.isAuthenticated() ? goodbye : null);
            } else {
                closeQuietly();
            }
        } catch (Exception e) {
            LOG.debug("disconnect", e);
            closeQuietly();
        }
    }

    private static long remainingMillis(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    private final class Listener implements ConnectionListener {
        @Override
        public void connectionClosedOnError(Exception e) {
            if (!stopped.get()) {
                lost(classifier.classify(e));
            }
        }

        @Override
        public void connectionClosed() {
            if (!stopped.get() && state == ConnectionState.ONLINE) {
                lost(FailureReason.of(FailureReason.Kind.CONNECTION_LOST, "the server closed the connection"));
            }
        }
    }
}
