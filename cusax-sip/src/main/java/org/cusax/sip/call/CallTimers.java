package org.cusax.sip.call;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.cusax.core.call.EndReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call timers of the SIP half, all on the scheduler it is given (the SIP half's own, from the
 * composition root; a fake one in tests): ring timeout, the wait for the ACK to our 200 OK (Timer H,
 * RFC 3261 §13.3.1.4) and media inactivity ({@link MediaWatch}). Every task takes the call lock itself.
 */
final class CallTimers {
    private static final Logger LOG = LoggerFactory.getLogger(CallTimers.class);

    private final CallManager calls;
    private final ScheduledExecutorService scheduler;
    private final CallTimeouts timeouts;
    private final MediaWatch media;

    CallTimers(CallManager calls, ScheduledExecutorService scheduler, CallTimeouts timeouts) {
        this.calls = calls;
        this.scheduler = scheduler;
        this.timeouts = timeouts;
        this.media = new MediaWatch(calls, timeouts.media());
    }

    ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        try {
            return scheduler.schedule(task, delay, unit);
        } catch (RejectedExecutionException e) {
            return null; // the SIP half is stopping: no more timers
        }
    }

    ScheduledFuture<?> scheduleRepeating(Runnable task, long period, TimeUnit unit) {
        try {
            return scheduler.scheduleWithFixedDelay(task, period, period, unit);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /** A call was answered (our 200 acknowledged, or their 200 acknowledged by us): watch its media. */
    void answered(SipCall call) {
        media.watch(call);
    }

    /**
     * Our 200 OK waits for its ACK; without one within Timer H (RFC 3261 §13.3.1.4, §14.2) the call is
     * ended with a BYE.
     */
    void awaitAck(SipCall call) {
        if (call.ackTimer != null) {
            call.ackTimer.cancel(false);
        }
        call.ackTimer = schedule(() -> {
            synchronized (calls) {
                boolean waiting = call.phase == SipCall.Phase.ANSWERING || call.reinviteServerTx != null;
                if (call.phase == SipCall.Phase.ENDED || !waiting) {
                    return;
                }
                LOG.info("call {}: no ACK for our 200 OK within {}", call.id, timeouts.ack());
                call.reinviteServerTx = null;
                calls.sendBye(call);
                calls.end(call, EndReason.of(EndReason.Kind.FAILED, "the peer never acknowledged our 200 OK (no ACK "
                        + "within " + timeouts.ack().toSeconds() + " s, RFC 3261 §13.3.1.4): hung up"));
            }
        }, timeouts.ack().toMillis(), TimeUnit.MILLISECONDS);
    }
}
