package org.cusax.sandbox.peers;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.port.TelephonyCallbacks;
import org.cusax.sandbox.sip.SandboxSip;
import org.cusax.sip.JainSipTelephonyPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A demo peer that is always busy: every incoming call is rejected with 486 Busy Here (RFC 3261 §21.4.24). */
public final class BusyPeer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BusyPeer.class);
    public static final int BUSY_HERE = 486;

    private final String user;
    private final JainSipTelephonyPort port;
    private final PeerStatus status = new PeerStatus();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sandbox busy peer");
        t.setDaemon(true);
        return t;
    });

    private BusyPeer(String user, JainSipTelephonyPort port) {
        this.user = user;
        this.port = port;
    }

    /** Registers {@code user} (which must exist in the sandbox with {@code password}) and starts refusing calls. */
    public static BusyPeer start(SandboxSip sip, String user, String password, Duration registerWithin)
            throws InterruptedException {
        BusyPeer peer = new BusyPeer(user, PeerPorts.create(sip, user, password, "Always Busy"));
        peer.port.start(peer.new Callbacks());
        try {
            peer.status.awaitOnline(user, registerWithin);
        } catch (RuntimeException | InterruptedException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    public String user() {
        return user;
    }

    @Override
    public void close() {
        port.stop();
        worker.shutdownNow();
    }

    private final class Callbacks implements TelephonyCallbacks {
        @Override
        public void onStatus(ConnectionStatus s) {
            status.update(s);
        }

        @Override
        public void onIncomingCall(String callId, org.cusax.core.call.CallerClaims caller) {
            String from = caller.fromUri();
            LOG.info("busy peer {}: refusing a call from {}", user, from);
            worker.execute(() -> {
                try {
                    port.reject(callId, BUSY_HERE);
                } catch (RuntimeException e) { // the caller may have cancelled in between
                    LOG.info("busy peer: could not reject: {}", e.getMessage());
                }
            });
        }
    }
}
