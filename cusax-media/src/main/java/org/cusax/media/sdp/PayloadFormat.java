package org.cusax.media.sdp;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One RTP payload format of an m-line: payload type, encoding name, clock rate, channels (as in
 * {@code a=rtpmap}) and format parameters ({@code a=fmtp}, empty when none).
 */
public record PayloadFormat(int payloadType, String encodingName, int clockRate, int channels, String fmtp) {
    public static final PayloadFormat PCMU = new PayloadFormat(0, "PCMU", 8000, 1, "");
    public static final PayloadFormat PCMA = new PayloadFormat(8, "PCMA", 8000, 1, "");
    /** Default dynamic payload types used in our offers. */
    public static final int TELEPHONE_EVENT_PT = 101;
    public static final int TELEPHONE_EVENT_48K_PT = 110;
    public static final int OPUS_PT = 111;
    private static final String TELEPHONE_EVENT = "telephone-event";

    /** The audio payload types of RFC 3551 §6 that need no rtpmap. */
    private static final Map<Integer, PayloadFormat> STATIC = Map.ofEntries(
            Map.entry(0, PCMU),
            Map.entry(3, new PayloadFormat(3, "GSM", 8000, 1, "")),
            Map.entry(4, new PayloadFormat(4, "G723", 8000, 1, "")),
            Map.entry(5, new PayloadFormat(5, "DVI4", 8000, 1, "")),
            Map.entry(6, new PayloadFormat(6, "DVI4", 16000, 1, "")),
            Map.entry(7, new PayloadFormat(7, "LPC", 8000, 1, "")),
            Map.entry(8, PCMA),
            Map.entry(9, new PayloadFormat(9, "G722", 8000, 1, "")),
            Map.entry(10, new PayloadFormat(10, "L16", 44100, 2, "")),
            Map.entry(11, new PayloadFormat(11, "L16", 44100, 1, "")),
            Map.entry(12, new PayloadFormat(12, "QCELP", 8000, 1, "")),
            Map.entry(13, new PayloadFormat(13, "CN", 8000, 1, "")),
            Map.entry(15, new PayloadFormat(15, "G728", 8000, 1, "")),
            Map.entry(18, new PayloadFormat(18, "G729", 8000, 1, "")));

    public PayloadFormat {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127, got " + payloadType);
        }
        if (encodingName == null || encodingName.isBlank() || encodingName.matches(".*[\\s/].*")) {
            throw new IllegalArgumentException("bad encoding name '" + encodingName + "'");
        }
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive, got " + clockRate);
        }
        if (channels < 1 || channels > 255) {
            throw new IllegalArgumentException("channels must be 1..255, got " + channels);
        }
        fmtp = fmtp == null ? "" : fmtp.trim();
    }

    /** Opus at the RFC 7587 clock and channel count. */
    public static PayloadFormat opus(int payloadType) {
        return new PayloadFormat(payloadType, "opus", 48_000, 2, "");
    }

    /** RFC 4733 telephone-event for DTMF digits and flash (events 0-16). */
    public static PayloadFormat telephoneEvent(int payloadType, int clockRate) {
        return new PayloadFormat(payloadType, TELEPHONE_EVENT, clockRate, 1, "0-16");
    }

    /** The RFC 3551 format of a static payload type, if there is one. */
    public static Optional<PayloadFormat> staticType(int payloadType) {
        return Optional.ofNullable(STATIC.get(payloadType));
    }

    public boolean isTelephoneEvent() {
        return TELEPHONE_EVENT.equalsIgnoreCase(encodingName);
    }

    /** Comfort noise (RFC 3389) is not a codec we send. */
    public boolean isComfortNoise() {
        return "CN".equalsIgnoreCase(encodingName);
    }

    /** Same encoding, clock rate and channels, whatever the payload type number. */
    public boolean sameEncoding(PayloadFormat other) {
        return encodingName.toLowerCase(Locale.ROOT).equals(other.encodingName.toLowerCase(Locale.ROOT))
                && clockRate == other.clockRate && channels == other.channels;
    }

    public PayloadFormat withPayloadType(int pt) {
        return new PayloadFormat(pt, encodingName, clockRate, channels, fmtp);
    }

    /** The value of {@code a=rtpmap} after the payload type, e.g. "opus/48000/2". */
    public String rtpmap() {
        return encodingName + "/" + clockRate + (channels > 1 ? "/" + channels : "");
    }
}
