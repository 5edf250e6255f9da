package org.cusax.sandbox.peers;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.port.TelephonyCallbacks;
import org.cusax.sandbox.sip.SandboxSip;
import org.cusax.sip.JainSipTelephonyPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every demo peer that takes calls has: its Telephony port registered to the sandbox, its
 * registration status, and one daemon worker that acts on calls outside the SIP stack's threads.
 */
final class PeerLine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerLine.class);

    private final String role;
    private final String user;
    private final JainSipTelephonyPort port;
    private final PeerStatus status = new PeerStatus();
    private final ScheduledExecutorService worker;

    /** @param role what the peer is, for its logs and its worker thread (e.g. "busy peer") */
    PeerLine(SandboxSip sip, String user, String password, String displayName, String role) {
        this.role = role;
        this.user = user;
        this.port = PeerPorts.create(sip, user, password, displayName);
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox " + role);
            t.setDaemon(true);
            return t;
        });
    }

    String user() {
        return user;
    }

    JainSipTelephonyPort port() {
        return port;
    }

    /** Starts the port with {@code callbacks} and waits until registered; on failure everything is closed. */
    void register(TelephonyCallbacks callbacks, Duration within) throws InterruptedException {
        port.start(callbacks);
        try {
            status.awaitOnline(user, within);
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    /** To be called from the peer's {@link TelephonyCallbacks#onStatus}. */
    void statusChanged(ConnectionStatus s) {
        status.update(s);
    }

    /** Runs {@code action} on the worker now. */
    void act(String what, Runnable action) {
        worker.execute(() -> safely(what, action));
    }

    /** Runs {@code action} on the worker after {@code delay}. */
    ScheduledFuture<?> actLater(String what, Duration delay, Runnable action) {
        return worker.schedule(() -> safely(what, action), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A call may end (caller gone) between the callback and our action: log, never kill the worker. */
    private void safely(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.info("{} {}: could not {}: {}", role, user, what, e.getMessage());
        }
    }

    @Override
    public void close() {
        port.stop();
        worker.shutdownNow();
    }
}
