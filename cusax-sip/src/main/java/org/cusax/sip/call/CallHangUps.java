package org.cusax.sip.call;

import javax.sip.message.Response;

import org.cusax.core.call.CallDirection;
import org.cusax.core.call.EndReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ending calls on our side: the user hangs up one call, or we stop and end them all. The caller holds the
 * {@link CallManager}'s lock; every call still ends through {@link CallManager#end}.
 */
final class CallHangUps {
    private static final Logger LOG = LoggerFactory.getLogger(CallHangUps.class);

    private final CallManager calls;

    CallHangUps(CallManager calls) {
        this.calls = calls;
    }

    /**
     * Hangs up {@code callId}: declines an incoming call still ringing (603), cancels our ringing one
     * (RFC 3261 §9.1; the 487 to the INVITE then ends it), sends BYE for an answered one. A call that has
     * already ended is ignored.
     */
    void hangUp(String callId) {
        SipCall call = calls.byId(callId);
        if (call == null) {
            LOG.debug("hang-up of call {}: it has already ended", callId);
            return;
        }
        switch (call.phase) {
            case CALLING, EARLY -> {
                if (call.direction == CallDirection.INCOMING) {
                    calls.incoming().reject(call, Response.DECLINE);
                } else {
                    call.cancelRequested = true;
                    if (call.provisional) {
                        calls.sendCancel(call); // the 487 to the INVITE ends the call
                    }
                }
            }
            case ANSWERING, CONFIRMED -> {
                calls.sendBye(call);
                calls.end(call, EndReason.of(EndReason.Kind.HUNG_UP_LOCALLY, "you hung up"));
            }
            case ENDED -> { }
        }
    }

    /**
     * Ends every live call because we are stopping (logout, Ctrl-C, SIGTERM): BYE for answered ones, CANCEL
     * for our ringing ones (RFC 3261 §9.1; one not yet provisionally answered cannot be cancelled and is
     * just forgotten), 480 Temporarily Unavailable for incoming ringing ones (§21.4.18). Returns how many.
     */
    int endAll() {
        int ended = 0;
        for (SipCall call : calls.live()) {
            if (call.phase == SipCall.Phase.ENDED) {
                continue;
            }
            ended++;
            if (call.phase == SipCall.Phase.CONFIRMED || call.phase == SipCall.Phase.ANSWERING) {
                calls.sendBye(call);
                calls.end(call, EndReason.of(EndReason.Kind.HUNG_UP_LOCALLY, "hung up: the client stopped"));
            } else if (call.direction == CallDirection.INCOMING) {
                calls.incoming().reject(call, Response.TEMPORARILY_UNAVAILABLE);
            } else {
                if (call.provisional) {
                    calls.sendCancel(call);
                }
                calls.end(call, EndReason.of(EndReason.Kind.CANCELLED, "cancelled: the client stopped"));
            }
        }
        return ended;
    }
}
