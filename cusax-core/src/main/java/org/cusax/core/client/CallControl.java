package org.cusax.core.client;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallDirection;
import org.cusax.core.call.CallRequest;
import org.cusax.core.call.CallState;
import org.cusax.core.call.DtmfDigits;
import org.cusax.core.call.EndReason;
import org.cusax.core.port.TelephonyPort;
import org.cusax.core.routing.RoutingDecision;

/** The call commands of a session: checks what the user asked, then tells the SIP half. */
final class CallControl {
    private final Optional<TelephonyPort> port;
    private final CallBook calls;
    private final Function<String, RoutingDecision> router;
    private final String sipDomain;

    CallControl(Optional<TelephonyPort> port, CallBook calls, Function<String, RoutingDecision> router,
                String sipDomain) {
        this.port = port;
        this.calls = calls;
        this.router = router;
        this.sipDomain = sipDomain;
    }

    Call placeCall(String target, AudioPlan audio) {
        return placeCall(target, audio, Optional.empty());
    }

    Call placeCall(String target, AudioPlan audio, Optional<String> via) {
        TelephonyPort telephony = requireTelephony();
        String address = CallTargets.sipAddress(target, router, sipDomain, via);
        Call call = Call.outgoing(CallTargets.newCallId(), address, Instant.now());
        calls.placed(call);
        try {
            telephony.placeCall(new CallRequest(call.id(), address, audio));
        } catch (RuntimeException e) {
            calls.ended(call.id(), EndReason.of(EndReason.Kind.FAILED, "the call could not start: " + e.getMessage()));
            throw e;
        }
        return call;
    }

    void answer(String callId, AudioPlan audio) {
        requireRinging(callId, "answer");
        requireTelephony().answer(callId, audio);
    }

    void reject(String callId, int sipStatus) {
        if (sipStatus < 400 || sipStatus > 699) {
            throw new IllegalArgumentException("a rejection needs a 4xx-6xx status: " + sipStatus);
        }
        requireRinging(callId, "reject");
        requireTelephony().reject(callId, sipStatus);
    }

    void hangUp(String callId) {
        if (calls.require(callId).state() != CallState.ENDED) {
            requireTelephony().hangUp(callId);
        }
    }

    void sendDtmf(String callId, String digits) {
        String valid = DtmfDigits.requireValid(digits);
        if (calls.require(callId).state() != CallState.ANSWERED) {
            throw new IllegalStateException("call " + callId + " is not answered");
        }
        requireTelephony().sendDtmf(callId, valid);
    }

    void hold(String callId) {
        requireAnswered(callId, "hold");
        requireTelephony().hold(callId);
    }

    void resume(String callId) {
        requireAnswered(callId, "resume");
        requireTelephony().resume(callId);
    }

    private void requireAnswered(String callId, String what) {
        CallState state = calls.require(callId).state();
        if (state != CallState.ANSWERED && state != CallState.ON_HOLD) {
            throw new IllegalStateException("cannot " + what + " call " + callId + ": it is " + state.token());
        }
    }

    private void requireRinging(String callId, String what) {
        Call call = calls.require(callId);
        if (call.direction() != CallDirection.INCOMING || call.state() != CallState.RINGING) {
            throw new IllegalStateException("cannot " + what + " call " + callId + ": it is " + call.state().token());
        }
    }

    private TelephonyPort requireTelephony() {
        return port.orElseThrow(
                () -> new IllegalStateException("no SIP account is configured: calls are not available"));
    }
}
