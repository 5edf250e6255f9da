package org.cusax.core.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.cusax.core.call.CallerClaims;
import org.cusax.core.call.EndReason;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.port.TelephonyCallbacks;

/** Test helper, shared through the core test-jar: records what a Telephony port reports about calls (and status) and waits for it. */
public final class CallRecorder implements TelephonyCallbacks {
    /** One callback: kind (ringing, answered, ended, incoming, dtmf, held, resumed), call id, detail. */
    public record Seen(String kind, String callId, String detail, EndReason reason) {
    }

    public final StatusRecorder status = new StatusRecorder();
    /** What each incoming call's headers claimed about its caller, in arrival order. */
    public final java.util.List<CallerClaims> claims = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Seen> seen = new ArrayList<>();

    @Override
    public void onStatus(ConnectionStatus s) {
        status.onStatus(s);
    }

    @Override
    public void onCallRinging(String callId) {
        add(new Seen("ringing", callId, "", null));
    }

    @Override
    public void onCallAnswered(String callId) {
        add(new Seen("answered", callId, "", null));
    }

    @Override
    public void onCallEnded(String callId, EndReason reason) {
        add(new Seen("ended", callId, reason.message(), reason));
    }

    @Override
    public void onIncomingCall(String callId, CallerClaims caller) {
        claims.add(caller);
        add(new Seen("incoming", callId, caller.fromUri(), null));
    }

    @Override
    public void onCallHeld(String callId, boolean byUs) {
        add(new Seen("held", callId, byUs ? "us" : "peer", null));
    }

    @Override
    public void onCallResumed(String callId, boolean byUs) {
        add(new Seen("resumed", callId, byUs ? "us" : "peer", null));
    }

    @Override
    public void onDtmf(String callId, char digit) {
        add(new Seen("dtmf", callId, String.valueOf(digit), null));
    }

    private synchronized void add(Seen s) {
        seen.add(s);
        notifyAll();
    }

    public synchronized List<Seen> all() {
        return List.copyOf(seen);
    }

    public synchronized List<Seen> of(String kind) {
        return seen.stream().filter(s -> s.kind().equals(kind)).toList();
    }

    public synchronized Seen await(String kind, Duration limit) throws InterruptedException {
        return await(s -> s.kind().equals(kind), limit);
    }

    public synchronized Seen await(Predicate<Seen> wanted, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            for (Seen s : seen) {
                if (wanted.test(s)) {
                    return s;
                }
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching call callback within " + limit + "; seen: " + seen);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
