package org.cusax.core.client;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;
import org.cusax.core.call.CallerIdentity;
import org.cusax.core.call.EndReason;
import org.cusax.core.event.CallAnswered;
import org.cusax.core.event.CallEnded;
import org.cusax.core.event.CallHeld;
import org.cusax.core.event.CallResumed;
import org.cusax.core.event.CallRinging;
import org.cusax.core.event.DtmfReceived;
import org.cusax.core.event.EventBus;
import org.cusax.core.event.IncomingCall;

/** The session's calls: turns port callbacks into snapshots and events; ignores callbacks out of order. */
final class CallBook {
    private final EventBus events;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    private final Map<String, CallerIdentity> callers = new java.util.concurrent.ConcurrentHashMap<>();

    CallBook(EventBus events) {
        this.events = events;
    }

    void placed(Call call) {
        synchronized (calls) {
            calls.put(call.id(), call);
            calls.notifyAll();
        }
    }

    void incoming(String id, String from) {
        incoming(id, from, CallerIdentity.unbound(from));
    }

    /** An incoming call from {@code from}, bound (or not) to a contact as {@code caller} says. */
    void incoming(String id, String from, CallerIdentity caller) {
        Call call = Call.incoming(id, from, Instant.now());
        callers.put(id, caller);
        placed(call);
        events.publish(new IncomingCall(call.started(), call, caller));
    }

    /** Who an incoming call is from, as bound when it arrived. */
    Optional<CallerIdentity> caller(String id) {
        return Optional.ofNullable(callers.get(id));
    }

    void ringing(String id) {
        Call call = update(id, c -> c.state() == CallState.DIALING, Call::ringing);
        if (call != null) {
            events.publish(new CallRinging(Instant.now(), call));
        }
    }

    void answered(String id) {
        Instant now = Instant.now();
        Call call = update(id, c -> c.state() == CallState.DIALING || c.state() == CallState.RINGING,
                c -> c.answeredAt(now));
        if (call != null) {
            events.publish(new CallAnswered(now, call));
        }
    }

    void ended(String id, EndReason reason) {
        Instant now = Instant.now();
        synchronized (calls) {
            heldByUs.remove(id);
            heldByPeer.remove(id);
        }
        Call call = update(id, c -> c.state() != CallState.ENDED, c -> c.endedAt(now, reason));
        if (call != null) {
            events.publish(new CallEnded(now, call, reason, call.duration(now)));
        }
    }

    /** Who holds which call: ids held by us, ids held by the far end. */
    private final java.util.Set<String> heldByUs = new java.util.HashSet<>();
    private final java.util.Set<String> heldByPeer = new java.util.HashSet<>();

    void held(String id, boolean byUs) {
        Instant now = Instant.now();
        Call call;
        synchronized (calls) {
            (byUs ? heldByUs : heldByPeer).add(id);
            call = update(id, c -> c.state() == CallState.ANSWERED || c.state() == CallState.ON_HOLD,
                    c -> c.held(true));
        }
        if (call != null) {
            events.publish(new CallHeld(now, call, byUs));
        }
    }

    void resumed(String id, boolean byUs) {
        Instant now = Instant.now();
        Call call;
        synchronized (calls) {
            (byUs ? heldByUs : heldByPeer).remove(id);
            boolean still = heldByUs.contains(id) || heldByPeer.contains(id);
            call = update(id, c -> c.state() == CallState.ANSWERED || c.state() == CallState.ON_HOLD,
                    c -> c.held(still));
        }
        if (call != null) {
            events.publish(new CallResumed(now, call, byUs));
        }
    }

    void dtmf(String id, char digit) {
        if (find(id).isPresent()) {
            events.publish(new DtmfReceived(Instant.now(), id, digit));
        }
    }

    Optional<Call> find(String id) {
        synchronized (calls) {
            return Optional.ofNullable(calls.get(id));
        }
    }

    /** Calls known to this session, oldest first. */
    List<Call> all() {
        synchronized (calls) {
            return List.copyOf(calls.values());
        }
    }

    Call require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no such call: " + id));
    }

    Optional<Call> await(String id, Predicate<Call> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (calls) {
            while (true) {
                Call call = calls.get(id);
                if (call != null && condition.test(call)) {
                    return Optional.of(call);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.ofNullable(call);
                }
                TimeUnit.NANOSECONDS.timedWait(calls, left);
            }
        }
    }

    private Call update(String id, Predicate<Call> allowed, java.util.function.UnaryOperator<Call> change) {
        synchronized (calls) {
            Call current = calls.get(id);
            if (current == null || !allowed.test(current)) {
                return null;
            }
            Call next = change.apply(current);
            calls.put(id, next);
            calls.notifyAll();
            return next;
        }
    }
}
