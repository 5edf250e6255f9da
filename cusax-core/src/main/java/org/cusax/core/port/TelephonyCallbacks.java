package org.cusax.core.port;

import org.cusax.core.call.EndReason;
import org.cusax.core.security.MediaDecision;
import org.cusax.core.security.SecurityGuard;
import org.cusax.core.security.SecurityProfile;

/** What the SIP half reports back to the core: registration status and call progress. */
public interface TelephonyCallbacks extends StatusListener {
    /** The far end is alerting (180 or 183) for an outgoing call. */
    default void onCallRinging(String callId) {
    }

    /** The call is answered and media flows. */
    default void onCallAnswered(String callId) {
    }

    /** The call is over and its media stopped; reported exactly once per call. */
    default void onCallEnded(String callId, EndReason reason) {
    }

    /** An INVITE arrived; we answered 180 Ringing. {@code caller} is what its headers say about the caller. */
    default void onIncomingCall(String callId, org.cusax.core.call.CallerClaims caller) {
    }

    /**
     * The answered call is now held (RFC 3264 §8.4): {@code byUs} when our hold took effect, otherwise the far
     * end holds us (it sent sendonly or inactive). Media follows: nothing is sent where the far end does not
     * want it.
     */
    default void onCallHeld(String callId, boolean byUs) {
    }

    /** A hold reported by {@link #onCallHeld} with the same {@code byUs} is over. */
    default void onCallResumed(String callId, boolean byUs) {
    }

    /** The far end sent a DTMF digit. */
    default void onDtmf(String callId, char digit) {
    }

    /**
     * A sound device of the call could not be opened or stopped working; the call goes on without it.
     *
     * @param direction input (microphone) or output (speaker)
     * @param device    the device as asked for
     * @param reason    why, for the user
     */
    default void onAudioDeviceFailed(String callId, org.cusax.core.audio.AudioDirection direction, String device,
                                     String reason) {
    }

    /**
     * Whether calls must use SRTP before any SDP is written (the core's security guard decides, RFC 7081 §7).
     * Without a core (e.g. a test peer) the default is the strictest policy, {@code security.profile = matched}.
     *
     * @param signallingEncrypted SIP runs over TLS
     */
    default boolean srtpRequired(boolean signallingEncrypted) {
        return new SecurityGuard(SecurityProfile.MATCHED).srtpRequired(signallingEncrypted);
    }

    /**
     * The call's media is negotiated ({@code srtp} or plain RTP), or the peer's SDP offers no SRTP where it
     * was required: the guard decides whether the call goes on. A refused call is ended by the SIP half with
     * {@link EndReason.Kind#INSECURE_MEDIA} and the decision's explanation. Called before
     * {@link #onCallAnswered} / {@link #onIncomingCall}'s ringing goes further.
     */
    default MediaDecision onMediaProtection(String callId, boolean signallingEncrypted, boolean srtp) {
        return new SecurityGuard(SecurityProfile.MATCHED).checkMedia(signallingEncrypted, srtp);
    }
}
