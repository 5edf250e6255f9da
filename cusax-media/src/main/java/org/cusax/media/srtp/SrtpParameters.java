package org.cusax.media.srtp;

import java.util.Objects;

/**
 * What an RTP session needs to run SRTP: the negotiated suite, the key we encrypt with (ours, sent in our
 * SDP) and the key the peer encrypts with (from its SDP). RFC 4568 §6.1: each side sends with its own key.
 */
public record SrtpParameters(SrtpProfile profile, SrtpKey localKey, SrtpKey remoteKey) {
    public SrtpParameters {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(localKey, "localKey");
        Objects.requireNonNull(remoteKey, "remoteKey");
    }
}
