package org.cusax.core.call;

/** Where a call is in its life (RFC 3261 §13: early → confirmed → terminated). */
public enum CallState {
    /** Outgoing INVITE sent, nothing but 100 Trying back yet. */
    DIALING,
    /** The far end (or our phone, for an incoming call) is alerting. */
    RINGING,
    /** Both sides talk. */
    ANSWERED,
    /** Answered, media paused. */
    ON_HOLD,
    /** Over; see the end reason. */
    ENDED;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
