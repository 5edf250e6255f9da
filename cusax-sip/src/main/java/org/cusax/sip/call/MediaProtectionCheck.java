package org.cusax.sip.call;

import java.util.Optional;
import java.util.OptionalInt;

import org.cusax.core.call.EndReason;
import org.cusax.core.port.TelephonyCallbacks;
import org.cusax.core.security.MediaDecision;
import org.cusax.media.sdp.MediaDescription;
import org.cusax.media.sdp.NegotiatedMedia;
import org.cusax.media.sdp.SdpParseException;
import org.cusax.media.sdp.SdpParser;

/**
 * Puts each call's media protection before the core's security guard (RFC 7081 §7 applied to a call): the
 * guard says up front whether SRTP is required, and judges every negotiated call (SRTP or plain RTP) and
 * every peer SDP that lacks the SRTP it required. A refusal ends the call as
 * {@link EndReason.Kind#INSECURE_MEDIA} with the guard's explanation (488 Not Acceptable Here on the wire).
 */
final class MediaProtectionCheck {
    private final TelephonyCallbacks callbacks;
    private final boolean sipOverTls;
    private final boolean srtpRequired;

    MediaProtectionCheck(TelephonyCallbacks callbacks, boolean sipOverTls) {
        this.callbacks = callbacks;
        this.sipOverTls = sipOverTls;
        this.srtpRequired = callbacks.srtpRequired(sipOverTls);
    }

    /** Whether our SDP demands SRTP (RTP/SAVP offered, plain offers and answers refused). */
    boolean srtpRequired() {
        return srtpRequired;
    }

    /** The guard's judgement of negotiated media: empty = the call goes on (perhaps with a warning). */
    Optional<EndReason> judge(String callId, NegotiatedMedia media) {
        return refusal(callbacks.onMediaProtection(callId, sipOverTls, media.isSecure()));
    }

    /**
     * The guard's refusal when SRTP was required and {@code peerSdp} (an offer or an answer) offers none we can
     * use; empty when SRTP was not required, the SDP does offer it, or it cannot be parsed (then the ordinary
     * SDP error applies).
     */
    Optional<EndReason> lacksRequiredSrtp(String callId, String peerSdp) {
        if (!srtpRequired || offersSrtp(peerSdp)) {
            return Optional.empty();
        }
        return refusal(callbacks.onMediaProtection(callId, sipOverTls, false));
    }

    private static Optional<EndReason> refusal(MediaDecision decision) {
        if (decision.allowed()) {
            return Optional.empty();
        }
        return Optional.of(new EndReason(EndReason.Kind.INSECURE_MEDIA,
                OptionalInt.of(javax.sip.message.Response.NOT_ACCEPTABLE_HERE), decision.explanation()));
    }

    private static boolean offersSrtp(String sdp) {
        if (sdp == null || sdp.isBlank()) {
            return true;
        }
        try {
            return SdpParser.parse(sdp).media().stream().filter(m -> !m.isRejected())
                    .anyMatch(MediaProtectionCheck::usableCrypto);
        } catch (SdpParseException | RuntimeException e) {
            return true;
        }
    }

    private static boolean usableCrypto(MediaDescription m) {
        return m.crypto().stream().anyMatch(c -> c.profile().isPresent() && c.usableKey().isPresent());
    }
}
