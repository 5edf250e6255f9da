package org.cusax.core.call;

import java.util.Objects;

/**
 * An outgoing call to place.
 *
 * @param callId our id for the call (chosen by the core, so callbacks can never overtake it)
 * @param target the SIP or SIPS URI to invite (RFC 3261 §19.1)
 * @param audio  what to play and record
 */
public record CallRequest(String callId, String target, AudioPlan audio) {
    public CallRequest {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(audio, "audio");
        if (target == null || !(target.startsWith("sip:") || target.startsWith("sips:"))) {
            throw new IllegalArgumentException("a call target must be a sip: or sips: URI: " + target);
        }
    }
}
