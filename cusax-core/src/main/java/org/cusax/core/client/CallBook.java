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

/**
 * The session's calls: turns port callbacks into snapshots and events; ignores callbacks out of order.
 * Live state only: a call leaves {@link #liveCalls() the live map} (and its caller binding with it) the
 * moment it ends; the history store keeps it. So that a command waiting on a call that has just ended
 * still sees how it ended, the last {@value #RECENTLY_ENDED} ended calls stay in a bounded window.
 */
final class CallBook {
    /** How many ended calls (with their callers) stay visible to {@link #await}, {@link #find} and {@link #all}. */
    static final int RECENTLY_ENDED = 32;

    private final EventBus events;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    private final Map<String, CallerIdentity> callers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Ended> ended = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ended> eldest) {
            return size() > RECENTLY_ENDED;
        }
    };

    private record Ended(Call call, Optional<CallerIdentity> caller) { }

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
        CallerIdentity live = callers.get(id);
        if (live != null) {
            return Optional.of(live);
        }
        synchronized (calls) {
            Ended e = ended.get(id);
            return e == null ? Optional.empty() : e.caller();
        }
    }

    /** Calls not yet ended. */
    int liveCalls() {
        synchronized (calls) {
            return calls.size();
        }
    }

    /** Caller bindings of calls not yet ended. */
    int liveCallerBindings() {
        return callers.size();
    }

    void ringing(String id) {
        Call call = update(id, c -> c.state() == CallState.DIALING, Call::ringing);
        if (call != null) {
            events.publish(new CallRinging(Instant.now(), call));
        }
    }

    /** The guard's decision on the call's media; the next event about the call carries it. */
    void media(String id, org.cusax.core.security.MediaDecision decision) {
        update(id, c -> c.state() != CallState.ENDED, c -> c.withMedia(decision));
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
        Call call;
        synchronized (calls) {
            heldByUs.remove(id);
            heldByPeer.remove(id);
            call = update(id, c -> c.state() != CallState.ENDED, c -> c.endedAt(now, reason));
            if (call != null) {
                calls.remove(id);
                ended.put(id, new Ended(call, Optional.ofNullable(callers.remove(id))));
            }
        }
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
            if (!calls.containsKey(id)) {
                return; // ended or unknown: nothing to remember
            }
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
            return Optional.ofNullable(lookUp(id));
        }
    }

    /** The recently ended calls (oldest first), then the live ones (oldest first). */
    List<Call> all() {
        synchronized (calls) {
            List<Call> all = new java.util.ArrayList<>(ended.size() + calls.size());
            ended.values().forEach(e -> all.add(e.call()));
            all.addAll(calls.values());
            return List.copyOf(all);
        }
    }

    private Call lookUp(String id) {
        Call live = calls.get(id);
        if (live != null) {
            return live;
        }
        Ended e = ended.get(id);
        return e == null ? null : e.call();
    }

    Call require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no such call: " + id));
    }

    Optional<Call> await(String id, Predicate<Call> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (calls) {
            while (true) {
                Call call = lookUp(id);
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
