package org.cusax.core.port;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.CallRequest;

/**
 * The SIP half: register, keep the registration fresh, stay reachable, and carry calls.
 *
 * <p>Once started the port keeps itself registered (refresh before expiry, keepalive on TCP/TLS,
 * re-register with backoff after a loss) until {@link #stop()}, which un-registers. It gives up only on
 * permanent failures (wrong password, refused certificate), reporting FAILED.
 *
 * <p>Call methods return at once; progress arrives through {@link TelephonyCallbacks}. Every call
 * ends with exactly one {@link TelephonyCallbacks#onCallEnded}, after its media has stopped.
 */
public interface TelephonyPort {
    /** Starts registering in the background and returns at once. Called once. */
    void start(TelephonyCallbacks callbacks);

    /**
     * Whether our INVITEs from now on carry {@code Call-Info: <xmpp:OUR-JID>;purpose=impp} (RFC 7081 §5, RFC 6993;
     * {@code sip.call-info}): off for privacy. A port without a linked JID ignores it.
     */
    default void setCallInfo(boolean on) {
    }

    /**
     * Applies the account's feature switches in the running session (CUSAX §3): with calling off no call is
     * placed and a new incoming INVITE is refused (calls already up end normally); with IM/presence off MESSAGE
     * and NOTIFY are refused. Never blocks.
     */
    default void setFeatures(org.cusax.core.account.Features features) {
        throw new UnsupportedOperationException("this telephony port cannot change its feature switches while it runs");
    }

    /** Un-registers (REGISTER with Expires: 0) and releases the SIP stack; bounded in time. */
    void stop();

    /** Places a call (INVITE with our SDP offer); returns the request's call id. */
    default String placeCall(CallRequest request) {
        throw new UnsupportedOperationException("this telephony port cannot place calls");
    }

    /** Answers a ringing incoming call (200 OK with our SDP answer). */
    default void answer(String callId, AudioPlan audio) {
        throw new UnsupportedOperationException("this telephony port cannot answer calls");
    }

    /** Rejects a ringing incoming call with a final status, e.g. 486 Busy Here or 603 Decline. */
    default void reject(String callId, int sipStatus) {
        throw new UnsupportedOperationException("this telephony port cannot reject calls");
    }

    /** Ends a call in any state: CANCEL while ringing out, BYE once answered, 603 if ringing in. */
    default void hangUp(String callId) {
        throw new UnsupportedOperationException("this telephony port cannot hang up calls");
    }

    /** Holds an answered call (re-INVITE with a=sendonly, RFC 3264 §8.4); {@code onCallHeld} follows. */
    default void hold(String callId) {
        throw new UnsupportedOperationException("this telephony port cannot hold calls");
    }

    /** Ends our hold of a call (re-INVITE with a=sendrecv); {@code onCallResumed} follows. */
    default void resume(String callId) {
        throw new UnsupportedOperationException("this telephony port cannot resume calls");
    }

    /** Sends DTMF digits (already validated) in an answered call (RFC 4733). */
    default void sendDtmf(String callId, String digits) {
        throw new UnsupportedOperationException("this telephony port cannot send DTMF");
    }

    /**
     * Mutes or unmutes what we send in a call: while muted the call keeps sending RTP, but silence (a
     * stopped stream would trip the far end's media-inactivity timer and look like a lost call).
     */
    default void mute(String callId, boolean muted) {
        throw new UnsupportedOperationException("this telephony port cannot mute calls");
    }

    /**
     * Moves an answered call's capture ({@code input}) and/or playback ({@code output}) to other sound devices
     * while it runs; RTP goes on untouched. A name that matches no device is an {@link IllegalArgumentException}
     * and changes nothing; a call whose audio does not run an {@link IllegalStateException}.
     */
    default void switchAudioDevices(String callId, java.util.Optional<String> input, java.util.Optional<String> output) {
        throw new UnsupportedOperationException("this telephony port cannot switch audio devices");
    }
}
