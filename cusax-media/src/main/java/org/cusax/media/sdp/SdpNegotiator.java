package org.cusax.media.sdp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cusax.media.codec.Codecs;
import org.cusax.media.srtp.SrtpParameters;
import org.cusax.media.srtp.SrtpProfile;

/**
 * RFC 3264 offer/answer for one call's audio. Create one per call with the local capabilities; then either
 * {@link #createOffer()} and later {@link #acceptAnswer}, or {@link #createAnswer} for a received offer.
 * Every SDP it writes keeps the same {@code o=} session id; the version grows by one whenever the body
 * changes (RFC 3264 §8). Hold and resume: {@link #setDirection} then a new offer. Thread-safe.
 */
public final class SdpNegotiator {
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalMedia local;
    private final String sessionId;
    private long version;
    private String lastBody;
    private SessionDescription pendingOffer;

    public SdpNegotiator(LocalMedia local) {
        this.local = Objects.requireNonNull(local, "local");
        this.sessionId = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE >>> 1);
    }

    /** The direction for the next offer or answer: sendonly to hold, sendrecv to resume. */
    public synchronized void setDirection(Direction direction) {
        local = local.withDirection(direction);
    }

    public synchronized LocalMedia local() {
        return local;
    }

    /** An offer of our audio stream (RFC 3264 §5). Remembered until {@link #acceptAnswer}. */
    public synchronized SessionDescription createOffer() {
        List<PayloadFormat> formats = new ArrayList<>(local.codecs());
        if (local.dtmf()) {
            formats.add(PayloadFormat.telephoneEvent(PayloadFormat.TELEPHONE_EVENT_PT, 8000));
            if (local.codecs().stream().anyMatch(c -> c.clockRate() == 48_000)) {
                formats.add(PayloadFormat.telephoneEvent(PayloadFormat.TELEPHONE_EVENT_48K_PT, 48_000));
            }
        }
        List<CryptoAttribute> crypto = local.srtp() == SrtpMode.DISABLED ? List.of()
                : List.of(CryptoAttribute.of(1, SrtpProfile.AES_CM_128_HMAC_SHA1_80, local.srtpKey()));
        String proto = local.srtp() == SrtpMode.MANDATORY ? "RTP/SAVP" : "RTP/AVP";
        MediaDescription audio = new MediaDescription("audio", local.rtpAddress().getPort(), proto,
                formats.stream().map(f -> Integer.toString(f.payloadType())).toList(), formats, local.host(),
                local.direction(), 20, local.rtcpMux(), 0, crypto);
        pendingOffer = session(List.of(audio));
        return pendingOffer;
    }

    /**
     * Completes our offer with the peer's answer (RFC 3264 §7).
     *
     * @throws SdpNegotiationException if the answer rejects our stream, picks nothing we offered, or leaves
     *     out SRTP we require; in SIP the caller then ends the call (BYE or CANCEL)
     */
    public synchronized NegotiatedMedia acceptAnswer(SessionDescription answer) throws SdpNegotiationException {
        if (pendingOffer == null) {
            throw new SdpNegotiationException("no offer of ours is waiting for an answer");
        }
        MediaDescription offered = pendingOffer.media().get(0);
        if (answer.media().size() != pendingOffer.media().size()) {
            throw new SdpNegotiationException("the answer has " + answer.media().size()
                    + " m-lines for our " + pendingOffer.media().size() + " (RFC 3264 §6)");
        }
        MediaDescription m = answer.media().get(0);
        if (m.isRejected()) {
            throw new SdpNegotiationException("the peer rejected the audio stream (port 0)");
        }
        if (!m.protocol().equalsIgnoreCase(offered.protocol())) {
            throw new SdpNegotiationException("the answer changed the transport from " + offered.protocol() + " to "
                    + m.protocol());
        }
        List<PayloadFormat> accepted = new ArrayList<>();
        for (PayloadFormat f : m.codecs()) {
            offered.codecs().stream().filter(o -> o.payloadType() == f.payloadType() && o.sameEncoding(f))
                    .findFirst().ifPresent(accepted::add);
        }
        if (accepted.isEmpty()) {
            throw new SdpNegotiationException("the answer contains none of the codecs we offered");
        }
        Optional<SrtpParameters> srtp = Optional.empty();
        for (CryptoAttribute c : m.crypto()) {
            Optional<CryptoAttribute> ours = offered.crypto().stream()
                    .filter(o -> o.tag() == c.tag() && o.suite().equalsIgnoreCase(c.suite())).findFirst();
            if (ours.isPresent() && c.profile().isPresent() && c.usableKey().isPresent()) {
                srtp = Optional.of(new SrtpParameters(c.profile().get(), local.srtpKey(), c.usableKey().get()));
                break;
            }
        }
        if (srtp.isEmpty() && (local.srtp() == SrtpMode.MANDATORY || m.isSavp())) {
            throw new SdpNegotiationException("the answer has no usable a=crypto, but SRTP is required");
        }
        Optional<PayloadFormat> dtmf = pickDtmf(m.telephoneEvents(), accepted.get(0), offered.telephoneEvents());
        pendingOffer = null;
        return negotiated(m, accepted, dtmf, local.direction().intersect(m.direction().mirror()), offered.rtcpMux(), srtp);
    }

    /**
     * Our answer to an offer (RFC 3264 §6): the first acceptable audio stream is accepted with the codecs
     * we share, in the offerer's order and with its payload type numbers; every other stream is rejected
     * with port 0. The answer mirrors the offer's direction (sendonly → recvonly) within our own.
     *
     * @throws SdpNegotiationException if no audio stream is acceptable (SIP: 488 Not Acceptable Here)
     */
    public synchronized Answer createAnswer(SessionDescription offer) throws SdpNegotiationException {
        List<MediaDescription> answered = new ArrayList<>();
        NegotiatedMedia media = null;
        String reason = "the offer has no audio stream";
        for (MediaDescription m : offer.media()) {
            if (media != null || !"audio".equalsIgnoreCase(m.media()) || m.isRejected()) {
                answered.add(MediaDescription.rejected(m));
                continue;
            }
            Optional<String> problem = checkAcceptable(m);
            if (problem.isPresent()) {
                reason = problem.get();
                answered.add(MediaDescription.rejected(m));
                continue;
            }
            List<PayloadFormat> codecs = commonCodecs(m);
            Optional<CryptoAttribute> theirs = local.srtp() == SrtpMode.DISABLED ? Optional.empty()
                    : m.crypto().stream().filter(c -> c.profile().isPresent() && c.usableKey().isPresent()).findFirst();
            Optional<PayloadFormat> dtmf = local.dtmf() ? pickDtmf(m.telephoneEvents(), codecs.get(0), m.telephoneEvents())
                    : Optional.empty();
            Direction direction = local.direction().intersect(m.direction().mirror());
            boolean mux = local.rtcpMux() && m.rtcpMux();
            List<PayloadFormat> formats = new ArrayList<>(codecs);
            dtmf.ifPresent(d -> formats.add(PayloadFormat.telephoneEvent(d.payloadType(), d.clockRate())));
            List<CryptoAttribute> crypto = theirs.map(c -> List.of(CryptoAttribute.of(c.tag(), c.profile().get(),
                    local.srtpKey()))).orElse(List.of());
            answered.add(new MediaDescription("audio", local.rtpAddress().getPort(), m.protocol(),
                    formats.stream().map(f -> Integer.toString(f.payloadType())).toList(), formats, local.host(),
                    direction, 20, mux, 0, crypto));
            Optional<SrtpParameters> srtp = theirs.map(c -> new SrtpParameters(c.profile().get(), local.srtpKey(),
                    c.usableKey().get()));
            media = negotiated(m, codecs, dtmf, direction, mux, srtp);
        }
        if (media == null) {
            throw new SdpNegotiationException(reason);
        }
        pendingOffer = null;
        return new Answer(session(answered), media);
    }

    private Optional<String> checkAcceptable(MediaDescription m) {
        if (!m.isRtpAvp()) {
            return Optional.of("audio transport " + m.protocol() + " is not supported (RTP/AVP or RTP/SAVP only)");
        }
        if (m.isSavp() && local.srtp() == SrtpMode.DISABLED) {
            return Optional.of("the offer requires SRTP, which is disabled here");
        }
        boolean usableCrypto = m.crypto().stream().anyMatch(c -> c.profile().isPresent() && c.usableKey().isPresent());
        if ((m.isSavp() || local.srtp() == SrtpMode.MANDATORY) && !usableCrypto) {
            return Optional.of("SRTP is required but the offer has no usable a=crypto (AES_CM_128_HMAC_SHA1_80/32, "
                    + "inline key, no MKI)");
        }
        if (commonCodecs(m).isEmpty()) {
            return Optional.of("no common codec: offered " + m.codecs().stream().map(PayloadFormat::rtpmap).toList()
                    + ", supported " + local.codecs().stream().map(PayloadFormat::rtpmap).toList());
        }
        return Optional.empty();
    }

    /** Offered codecs we support, offerer's order and payload types, our format parameters. */
    private List<PayloadFormat> commonCodecs(MediaDescription m) {
        List<PayloadFormat> out = new ArrayList<>();
        for (PayloadFormat offered : m.codecs()) {
            local.codecs().stream()
                    .filter(l -> l.sameEncoding(offered) && Codecs.supports(l.encodingName(), l.clockRate()))
                    .findFirst().ifPresent(l -> out.add(l.withPayloadType(offered.payloadType())));
        }
        return out;
    }

    /** The telephone-event format matching the codec's clock, else the first one; only payload types allowed. */
    private static Optional<PayloadFormat> pickDtmf(List<PayloadFormat> events, PayloadFormat codec,
            List<PayloadFormat> allowed) {
        List<PayloadFormat> usable = events.stream()
                .filter(e -> allowed.stream().anyMatch(a -> a.payloadType() == e.payloadType())).toList();
        return usable.stream().filter(e -> e.clockRate() == codec.clockRate()).findFirst()
                .or(() -> usable.stream().findFirst());
    }

    private NegotiatedMedia negotiated(MediaDescription remote, List<PayloadFormat> codecs, Optional<PayloadFormat> dtmf,
            Direction direction, boolean mux, Optional<SrtpParameters> srtp) throws SdpNegotiationException {
        InetAddress address = resolve(remote.address());
        if (remote.isHoldAddress()) {
            direction = direction.intersect(Direction.RECVONLY);
        }
        InetSocketAddress rtp = new InetSocketAddress(address, remote.port());
        int rtcpPort = mux ? remote.port() : remote.rtcpPort() > 0 ? remote.rtcpPort() : Math.min(65535, remote.port() + 1);
        return new NegotiatedMedia(rtp, new InetSocketAddress(address, rtcpPort), codecs.get(0), codecs, dtmf, direction,
                mux, srtp);
    }

    private static InetAddress resolve(String host) throws SdpNegotiationException {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new SdpNegotiationException("cannot resolve the peer's media address '" + host + "'");
        }
    }

    private SessionDescription session(List<MediaDescription> media) {
        SessionDescription probe = new SessionDescription(new Origin("-", sessionId, "0", local.host()), "-", media);
        String body = probe.toSdp();
        if (!body.equals(lastBody)) {
            version++;
            lastBody = body;
        }
        return new SessionDescription(new Origin("-", sessionId, Long.toString(version), local.host()), "-", media);
    }
}
