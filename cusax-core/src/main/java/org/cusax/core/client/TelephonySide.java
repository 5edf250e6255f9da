package org.cusax.core.client;

import java.util.function.Consumer;

import org.cusax.core.call.CallerClaims;
import org.cusax.core.call.CallerIdentity;
import org.cusax.core.call.EndReason;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.contact.CallerBinding;
import org.cusax.core.port.TelephonyCallbacks;
import org.cusax.core.security.MediaDecision;
import org.cusax.core.security.SecurityGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the SIP half reports, handed to the parts of the session that own it: call progress to the
 * call book, the caller bound to a contact (RFC 7081 §5), "on the phone" presence and busy refusal.
 */
final class TelephonySide implements TelephonyCallbacks {
    private static final Logger LOG = LoggerFactory.getLogger(TelephonySide.class);

    private final CallBook calls;
    private final CallControl callControl;
    private final CallerBinding callerBinding;
    private final OnThePhone onThePhone;
    private final Consumer<ConnectionStatus> status;
    private final CallAudioControl audio;
    private final SecurityGuard guard;

    TelephonySide(CallBook calls, CallControl callControl, CallerBinding callerBinding, OnThePhone onThePhone,
                  Consumer<ConnectionStatus> status, CallAudioControl audio, SecurityGuard guard) {
        this.guard = guard;
        this.audio = audio;
        this.calls = calls;
        this.callControl = callControl;
        this.callerBinding = callerBinding;
        this.onThePhone = onThePhone;
        this.status = status;
    }
    @Override
    public void onStatus(ConnectionStatus status) {
        this.status.accept(status);
    }

    @Override
    public boolean srtpRequired(boolean signallingEncrypted) {
        return guard.srtpRequired(signallingEncrypted);
    }

    @Override
    public MediaDecision onMediaProtection(String callId, boolean signallingEncrypted, boolean srtp) {
        MediaDecision decision = guard.checkMedia(signallingEncrypted, srtp);
        if (!decision.allowed()) {
            LOG.warn("call {}: {}", callId, decision.explanation());
        } else if (decision.warning()) {
            LOG.warn("call {}: {}", callId, decision.explanation());
        }
        calls.media(callId, decision);
        return decision;
    }

    @Override
    public void onCallRinging(String callId) {
        calls.ringing(callId);
    }

    @Override
    public void onCallAnswered(String callId) {
        calls.answered(callId);
        onThePhone.callUp(callId);
    }

    @Override
    public void onCallEnded(String callId, EndReason reason) {
        calls.ended(callId, reason);
        onThePhone.callEnded(callId);
    }

    @Override
    public void onIncomingCall(String callId, CallerClaims claims) {
        CallerIdentity caller;
        try {
            caller = callerBinding.bind(claims);
        } catch (RuntimeException e) {
            LOG.warn("could not bind the caller {}: {}", claims.fromUri(), e.getMessage());
            caller = CallerIdentity.unbound(claims.fromUri());
        }
        calls.incoming(callId, claims.fromUri(), caller);
        if (onThePhone.refuseAsBusy()) {
            LOG.info("call from {} refused: busy (on the phone or do not disturb)", caller.display());
            try {
                callControl.reject(callId, 486);
            } catch (RuntimeException e) {
                LOG.warn("could not refuse call {} as busy: {}", callId, e.getMessage());
            }
        }
    }

    @Override
    public void onDtmf(String callId, char digit) {
        calls.dtmf(callId, digit);
    }

    @Override
    public void onCallHeld(String callId, boolean byUs) {
        calls.held(callId, byUs);
    }

    @Override
    public void onCallResumed(String callId, boolean byUs) {
        calls.resumed(callId, byUs);
    }

    @Override
    public void onAudioDeviceFailed(String callId, org.cusax.core.audio.AudioDirection direction, String device,
                                    String reason) {
        LOG.info("call {}: {} device {} unusable: {}", callId, direction.token(), device, reason);
        audio.deviceFailed(callId, direction, device, reason);
    }
}
