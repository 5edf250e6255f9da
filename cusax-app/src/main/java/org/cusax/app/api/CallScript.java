package org.cusax.app.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;
import org.cusax.core.client.CusaxCommands;
import org.cusax.core.event.CallAnswered;
import org.cusax.core.event.CallEnded;
import org.cusax.core.event.CusaxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@code call} command asks to happen by itself: cancel when unanswered after a while; once
 * answered, send DTMF, hold, resume and hang up at given offsets from the answer. Timers come from the
 * injected {@link Timers}; everything is cancelled when the call ends.
 */
final class CallScript implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallScript.class);

    /** The offsets (from the answer) and the digits; all optional. */
    record Steps(Optional<Duration> answerTimeout, Optional<String> dtmf, Optional<Duration> holdAfter,
                 Optional<Duration> resumeAfter, Optional<Duration> hangupAfter) {
        boolean empty() {
            return answerTimeout.isEmpty() && dtmf.isEmpty() && holdAfter.isEmpty() && resumeAfter.isEmpty()
                    && hangupAfter.isEmpty();
        }
    }

    private final CusaxCommands core;
    private final Timers timers;
    private final String callId;
    private final Steps steps;
    private final List<AutoCloseable> pending = new ArrayList<>();
    private AutoCloseable subscription;
    private boolean answered;
    private boolean closed;

    private CallScript(CusaxCommands core, Timers timers, String callId, Steps steps) {
        this.core = core;
        this.timers = timers;
        this.callId = callId;
        this.steps = steps;
    }

    /** Runs {@code steps} for the call just placed; nothing when there are none. */
    static void run(CusaxCommands core, Timers timers, String callId, Steps steps) {
        if (steps.empty()) {
            return;
        }
        CallScript script = new CallScript(core, timers, callId, steps);
        synchronized (script) {
            script.subscription = core.subscribe(script::onEvent);
            steps.answerTimeout().ifPresent(t -> script.later(t, id -> cancelUnanswered(core, id)));
        }
        // the call may have moved on before we subscribed
        core.calls().stream().filter(c -> c.id().equals(callId)).findFirst().ifPresent(script::onSnapshot);
    }

    private static void cancelUnanswered(CusaxCommands core, String id) {
        core.calls().stream().filter(c -> c.id().equals(id) && c.answered().isEmpty()
                && c.state() != CallState.ENDED).findFirst().ifPresent(c -> core.hangUp(id));
    }

    private void onEvent(CusaxEvent event) {
        if (event instanceof CallAnswered a && a.call().id().equals(callId)) {
            onAnswered();
        } else if (event instanceof CallEnded e && e.call().id().equals(callId)) {
            close();
        }
    }

    private void onSnapshot(Call c) {
        if (c.state() == CallState.ENDED) {
            close();
        } else if (c.answered().isPresent()) {
            onAnswered();
        }
    }

    private synchronized void onAnswered() {
        if (answered || closed) {
            return;
        }
        answered = true;
        steps.dtmf().ifPresent(d -> later(Duration.ZERO, id -> core.sendDtmf(id, d)));
        steps.holdAfter().ifPresent(t -> later(t, core::hold));
        steps.resumeAfter().ifPresent(t -> later(t, core::resume));
        steps.hangupAfter().ifPresent(t -> later(t, core::hangUp));
    }

    private synchronized void later(Duration delay, Consumer<String> action) {
        if (closed) {
            return;
        }
        pending.add(timers.schedule(delay, () -> {
            try {
                action.accept(callId);
            } catch (RuntimeException e) {
                LOG.info("call {}: scripted step not done: {}", callId, e.getMessage());
            }
        }));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable c : pending) {
            closeQuietly(c);
        }
        pending.clear();
        if (subscription != null) {
            closeQuietly(subscription);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("close failed", e);
        }
    }
}
