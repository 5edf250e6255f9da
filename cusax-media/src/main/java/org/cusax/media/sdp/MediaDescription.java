package org.cusax.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * One m-line with what matters for an audio call: media type, port (0 = rejected stream, RFC 3264 §6),
 * transport protocol, the format list as written, the resolved RTP payload formats, the effective
 * connection address (media-level {@code c=} or else session-level), direction, ptime, rtcp-mux, the
 * RTCP port of {@code a=rtcp} (RFC 3605, 0 when absent) and the SDES crypto attributes. Immutable.
 */
public record MediaDescription(String media, int port, String protocol, List<String> formats,
        List<PayloadFormat> payloadFormats, String address, Direction direction, int ptime, boolean rtcpMux,
        int rtcpPort, List<CryptoAttribute> crypto) {

    public MediaDescription {
        if (media == null || !media.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("bad media type '" + media + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (protocol == null || !protocol.matches("[A-Za-z0-9/_.-]+")) {
            throw new IllegalArgumentException("bad transport protocol '" + protocol + "'");
        }
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("an m-line needs at least one format");
        }
        payloadFormats = List.copyOf(payloadFormats);
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("a media description needs a connection address");
        }
        if (direction == null) {
            throw new IllegalArgumentException("direction must be given");
        }
        if (ptime < 0 || ptime > 10_000) {
            throw new IllegalArgumentException("ptime must be 0..10000 ms, got " + ptime);
        }
        if (rtcpPort < 0 || rtcpPort > 65535) {
            throw new IllegalArgumentException("RTCP port must be 0..65535, got " + rtcpPort);
        }
        crypto = List.copyOf(crypto);
    }

    /** A rejected copy of {@code offered} for an answer (RFC 3264 §6: port 0, same formats). */
    public static MediaDescription rejected(MediaDescription offered) {
        return new MediaDescription(offered.media, 0, offered.protocol, offered.formats, List.of(), offered.address,
                Direction.INACTIVE, 0, false, 0, List.of());
    }

    /** Port 0: the stream is rejected or disabled. */
    public boolean isRejected() {
        return port == 0;
    }

    /** RTP over UDP with the plain or secure audio/video profile (not AVPF, not DTLS). */
    public boolean isRtpAvp() {
        return "RTP/AVP".equalsIgnoreCase(protocol) || isSavp();
    }

    /** The secure profile RTP/SAVP (RFC 3711 §12). */
    public boolean isSavp() {
        return "RTP/SAVP".equalsIgnoreCase(protocol);
    }

    /** True if the connection address is the RFC 2543 hold address 0.0.0.0 (the peer wants no media). */
    public boolean isHoldAddress() {
        return "0.0.0.0".equals(address);
    }

    /** The audio codecs (payload formats other than telephone-event and comfort noise), in m-line order. */
    public List<PayloadFormat> codecs() {
        return payloadFormats.stream().filter(f -> !f.isTelephoneEvent() && !f.isComfortNoise()).toList();
    }

    /** The telephone-event formats, in m-line order. */
    public List<PayloadFormat> telephoneEvents() {
        return payloadFormats.stream().filter(PayloadFormat::isTelephoneEvent).toList();
    }

    /** The payload type of the first telephone-event format, if any (the DTMF payload type). */
    public Optional<Integer> dtmfPayloadType() {
        return telephoneEvents().stream().map(PayloadFormat::payloadType).findFirst();
    }
}
