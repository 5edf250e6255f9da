package org.cusax.core.security;

/**
 * The guard's decision about one call's media.
 *
 * @param signallingEncrypted the call's SIP signalling runs over TLS
 * @param srtp                its media is protected by SRTP
 * @param allowed             the call may go on
 * @param warning             it goes on although its media is weaker than its signalling
 * @param explanation         what the user should know (why it was refused and how to fix it, when refused)
 */
public record MediaDecision(boolean signallingEncrypted, boolean srtp, boolean allowed, boolean warning,
                            String explanation) {

    public MediaDecision {
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("a media decision needs an explanation");
        }
        if (warning && !allowed) {
            throw new IllegalArgumentException("a refused call is not a warning");
        }
    }

    /** {@code SRTP} or {@code RTP}, for a status line. */
    public String protection() {
        return srtp ? "SRTP" : "RTP";
    }
}
