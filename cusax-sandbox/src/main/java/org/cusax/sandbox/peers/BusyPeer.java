package org.cusax.sandbox.peers;

import java.time.Duration;

import org.cusax.core.call.CallerClaims;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.port.TelephonyCallbacks;
import org.cusax.sandbox.sip.SandboxSip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A demo peer that is always busy: every incoming call is rejected with 486 Busy Here (RFC 3261 §21.4.24). */
public final class BusyPeer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BusyPeer.class);
    public static final int BUSY_HERE = 486;

    private final PeerLine line;

    private BusyPeer(PeerLine line) {
        this.line = line;
    }

    /** Registers {@code user} (which must exist in the sandbox with {@code password}) and starts refusing calls. */
    public static BusyPeer start(SandboxSip sip, String user, String password, Duration registerWithin)
            throws InterruptedException {
        BusyPeer peer = new BusyPeer(new PeerLine(sip, user, password, "Always Busy", "busy peer"));
        peer.line.register(peer.new Callbacks(), registerWithin);
        return peer;
    }

    public String user() {
        return line.user();
    }

    @Override
    public void close() {
        line.close();
    }

    private final class Callbacks implements TelephonyCallbacks {
        @Override
        public void onStatus(ConnectionStatus s) {
            line.statusChanged(s);
        }

        @Override
        public void onIncomingCall(String callId, CallerClaims caller) {
            LOG.info("busy peer {}: refusing a call from {}", line.user(), caller.fromUri());
            line.act("reject", () -> line.port().reject(callId, BUSY_HERE));
        }
    }
}
