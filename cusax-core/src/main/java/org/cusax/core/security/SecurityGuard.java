package org.cusax.core.security;

import java.util.Optional;

import org.cusax.core.service.Half;

/**
 * Compares the protection of the two halves, and of a call's media with its signalling, and decides
 * per {@link SecurityProfile} (RFC 7081 §7: "if both protocols are not safeguarded by similar levels
 * of cryptographic protection, the user must be informed of that fact and given the opportunity to
 * bring both up to the same level"). Pure: no I/O, no state.
 */
public final class SecurityGuard {
    private final SecurityProfile profile;

    public SecurityGuard(SecurityProfile profile) {
        if (profile == null) {
            throw new IllegalArgumentException("a security profile is required");
        }
        this.profile = profile;
    }

    public SecurityProfile profile() {
        return profile;
    }

    /**
     * @param chat      Chat's protection when it is online, empty otherwise
     * @param telephony Telephony's protection when it is online, empty otherwise
     */
    public GuardDecision compare(Optional<HalfProtection> chat, Optional<HalfProtection> telephony) {
        if (profile == SecurityProfile.OFF) {
            return decision(GuardVerdict.NOT_COMPARED, chat, telephony, Optional.empty(),
                    "security comparison is off (security.profile = off)", Optional.empty());
        }
        if (chat.isEmpty() || telephony.isEmpty()) {
            return decision(GuardVerdict.ONE_HALF, chat, telephony, Optional.empty(),
                    "only one half is online: nothing to compare", Optional.empty());
        }
        HalfProtection c = chat.get();
        HalfProtection t = telephony.get();
        if (c.strength() == t.strength()) {
            return decision(GuardVerdict.EQUAL, chat, telephony, Optional.empty(), c.strength() == 0
                    ? "Chat and Telephony are both unencrypted"
                    : "Chat and Telephony are both protected by TLS", Optional.empty());
        }
        HalfProtection weak = c.strength() < t.strength() ? c : t;
        HalfProtection strong = weak == c ? t : c;
        String explanation = weak.half().label() + " uses " + weak.describe() + " while "
                + strong.half().label() + " uses " + strong.describe();
        boolean refuse = profile == SecurityProfile.MATCHED;
        String consequence = refuse ? weak.half().label() + " is kept offline" : weak.half().label()
                + " runs anyway (security.profile = warn)";
        return decision(refuse ? GuardVerdict.MISMATCH_REFUSED : GuardVerdict.MISMATCH_WARNED, chat, telephony,
                Optional.of(weak.half()), explanation + "; " + consequence, Optional.of(remedy(weak, refuse)));
    }

    /**
     * Whether a call's media must be SRTP before it is negotiated: under {@code matched}, media over TLS
     * signalling must not be weaker than the signalling, so SRTP is demanded (RTP/SAVP offered, plain offers
     * refused); otherwise SRTP is offered and plain RTP accepted, then judged by {@link #checkMedia}.
     *
     * @param signallingEncrypted the call's SIP signalling runs over TLS
     */
    public boolean srtpRequired(boolean signallingEncrypted) {
        return profile == SecurityProfile.MATCHED && signallingEncrypted;
    }

    /**
     * Whether a call may run with this media protection (RFC 7081 §7 applied to a call: its media must not
     * be weaker than its signalling).
     *
     * @param signallingEncrypted the call's SIP signalling runs over TLS
     * @param srtp                its media is (or would be) protected by SRTP
     */
    public MediaDecision checkMedia(boolean signallingEncrypted, boolean srtp) {
        if (profile == SecurityProfile.OFF) {
            return new MediaDecision(signallingEncrypted, srtp, true, false, "media protection is not compared "
                    + "(security.profile = off): the call's media is " + (srtp ? "SRTP" : "plain RTP"));
        }
        if (srtp) {
            return new MediaDecision(signallingEncrypted, true, true, false, "the call's media is protected by SRTP");
        }
        if (!signallingEncrypted) {
            return new MediaDecision(false, false, true, false,
                    "the call's signalling and media are both unencrypted (SIP without TLS, plain RTP)");
        }
        String why = "the call's media would be plain RTP while its signalling uses TLS";
        if (profile == SecurityProfile.MATCHED) {
            return new MediaDecision(true, false, false, false, why + ": refused; the other party must offer SRTP "
                    + "(RTP/SAVP with a=crypto), or set security.profile = warn to accept unencrypted media");
        }
        return new MediaDecision(true, false, true, true, why + "; the call runs anyway (security.profile = warn)");
    }

    private static String remedy(HalfProtection weak, boolean refused) {
        String accept = refused ? " or set security.profile = warn to run it anyway" : "";
        if (weak.half() == Half.TELEPHONY) {
            if (!weak.security().encrypted()) {
                return "set sip.transport = tls (and sip.proxy.port to the proxy's TLS port)" + accept;
            }
            return "give the SIP proxy a certificate for the service domain, trusted by sip.tls.trust-store"
                    + accept;
        }
        if (!weak.security().encrypted()) {
            return "have the XMPP server offer STARTTLS with a certificate for the service domain" + accept;
        }
        return "give the XMPP server a certificate for the service domain, trusted by xmpp.tls.trust-store"
                + accept;
    }

    private GuardDecision decision(GuardVerdict verdict, Optional<HalfProtection> chat,
                                   Optional<HalfProtection> telephony, Optional<Half> weaker, String explanation,
                                   Optional<String> remedy) {
        return new GuardDecision(profile, verdict, chat, telephony, weaker, explanation, remedy);
    }
}
