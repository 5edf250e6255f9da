package org.cusax.media.rtp;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cusax.media.MalformedPacketException;

/**
 * One RTP packet (RFC 3550 §5.1): marker, payload type, sequence number, timestamp, SSRC, CSRC list,
 * optional header extension, payload. Padding is removed on parsing and never generated. Immutable.
 */
public final class RtpPacket {
    /** Fixed header length. */
    public static final int HEADER_LENGTH = 12;
    private static final int VERSION = 2;

    private final boolean marker;
    private final int payloadType;
    private final int sequenceNumber;
    private final long timestamp;
    private final long ssrc;
    private final List<Long> csrcs;
    private final HeaderExtension extension;
    private final byte[] payload;

    /** A header extension (RFC 3550 §5.3.1): 16-bit profile value and data, a multiple of 4 bytes. */
    public record HeaderExtension(int profile, byte[] data) {
        public HeaderExtension {
            if (profile < 0 || profile > 0xFFFF) {
                throw new IllegalArgumentException("extension profile must be 16 bits, got " + profile);
            }
            if (data == null || data.length % 4 != 0 || data.length / 4 > 0xFFFF) {
                throw new IllegalArgumentException("extension data must be a multiple of 4 bytes");
            }
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    public RtpPacket(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
            List<Long> csrcs, HeaderExtension extension, byte[] payload) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127, got " + payloadType);
        }
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("sequence number must be 0..65535, got " + sequenceNumber);
        }
        requireUnsigned32(timestamp, "timestamp");
        requireUnsigned32(ssrc, "SSRC");
        if (csrcs.size() > 15) {
            throw new IllegalArgumentException("at most 15 CSRCs, got " + csrcs.size());
        }
        csrcs.forEach(c -> requireUnsigned32(c, "CSRC"));
        this.marker = marker;
        this.payloadType = payloadType;
        this.sequenceNumber = sequenceNumber;
        this.timestamp = timestamp;
        this.ssrc = ssrc;
        this.csrcs = List.copyOf(csrcs);
        this.extension = extension;
        this.payload = payload.clone();
    }

    /** A plain packet: no CSRCs, no extension. */
    public static RtpPacket of(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
            byte[] payload) {
        return new RtpPacket(marker, payloadType, sequenceNumber, timestamp, ssrc, List.of(), null, payload);
    }

    private static void requireUnsigned32(long v, String what) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + " must be an unsigned 32-bit value, got " + v);
        }
    }

    /**
     * Parses a datagram. Rejects, with the reason, anything that is not a valid RTP version 2 packet: too
     * short, wrong version, CSRC list or extension running past the end, bad padding count, or an RTCP
     * packet type (RFC 5761 §4) in the payload type field.
     */
    public static RtpPacket parse(byte[] data, int offset, int length) throws MalformedPacketException {
        if (data == null || offset < 0 || length < 0 || offset + length > data.length) {
            throw new MalformedPacketException("bad buffer bounds");
        }
        if (length < HEADER_LENGTH) {
            throw new MalformedPacketException("RTP packet of " + length + " bytes, the header alone is 12");
        }
        int b0 = data[offset] & 0xFF;
        int b1 = data[offset + 1] & 0xFF;
        if (b0 >> 6 != VERSION) {
            throw new MalformedPacketException("RTP version " + (b0 >> 6) + ", expected 2");
        }
        int payloadType = b1 & 0x7F;
        if (payloadType >= 72 && payloadType <= 76) {
            throw new MalformedPacketException("payload type " + payloadType + " is an RTCP packet type");
        }
        int csrcCount = b0 & 0x0F;
        int at = HEADER_LENGTH + 4 * csrcCount;
        if (at > length) {
            throw new MalformedPacketException(csrcCount + " CSRCs do not fit in " + length + " bytes");
        }
        Long[] csrcs = new Long[csrcCount];
        for (int i = 0; i < csrcCount; i++) {
            csrcs[i] = u32(data, offset + HEADER_LENGTH + 4 * i);
        }
        HeaderExtension extension = null;
        if ((b0 & 0x10) != 0) {
            if (at + 4 > length) {
                throw new MalformedPacketException("extension header runs past the end of the packet");
            }
            int profile = u16(data, offset + at);
            int words = u16(data, offset + at + 2);
            if (at + 4 + 4 * words > length) {
                throw new MalformedPacketException("extension of " + words + " words runs past the end");
            }
            extension = new HeaderExtension(profile,
                    Arrays.copyOfRange(data, offset + at + 4, offset + at + 4 + 4 * words));
            at += 4 + 4 * words;
        }
        int end = length;
        if ((b0 & 0x20) != 0) {
            int padding = data[offset + length - 1] & 0xFF;
            if (padding == 0 || at + padding > length) {
                throw new MalformedPacketException("padding count " + padding + " is invalid");
            }
            end -= padding;
        }
        return new RtpPacket((b1 & 0x80) != 0, payloadType, u16(data, offset + 2), u32(data, offset + 4),
                u32(data, offset + 8), List.of(csrcs), extension, Arrays.copyOfRange(data, offset + at, offset + end));
    }

    /** Parses a whole array. */
    public static RtpPacket parse(byte[] data) throws MalformedPacketException {
        return parse(data, 0, data == null ? 0 : data.length);
    }

    /** The packet on the wire. */
    public byte[] toBytes() {
        int ext = extension == null ? 0 : 4 + extension.data.length;
        byte[] out = new byte[HEADER_LENGTH + 4 * csrcs.size() + ext + payload.length];
        out[0] = (byte) ((VERSION << 6) | (extension == null ? 0 : 0x10) | csrcs.size());
        out[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        put16(out, 2, sequenceNumber);
        put32(out, 4, timestamp);
        put32(out, 8, ssrc);
        int at = HEADER_LENGTH;
        for (long c : csrcs) {
            put32(out, at, c);
            at += 4;
        }
        if (extension != null) {
            put16(out, at, extension.profile);
            put16(out, at + 2, extension.data.length / 4);
            System.arraycopy(extension.data, 0, out, at + 4, extension.data.length);
            at += ext;
        }
        System.arraycopy(payload, 0, out, at, payload.length);
        return out;
    }

    public boolean marker() {
        return marker;
    }

    public int payloadType() {
        return payloadType;
    }

    public int sequenceNumber() {
        return sequenceNumber;
    }

    public long timestamp() {
        return timestamp;
    }

    public long ssrc() {
        return ssrc;
    }

    public List<Long> csrcs() {
        return csrcs;
    }

    public Optional<HeaderExtension> extension() {
        return Optional.ofNullable(extension);
    }

    public byte[] payload() {
        return payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + ", seq=" + sequenceNumber + ", ts=" + timestamp + ", ssrc="
                + Long.toHexString(ssrc) + (marker ? ", M" : "") + ", " + payload.length + " bytes]";
    }

    static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 8);
        b[at + 1] = (byte) v;
    }

    static void put32(byte[] b, int at, long v) {
        b[at] = (byte) (v >> 24);
        b[at + 1] = (byte) (v >> 16);
        b[at + 2] = (byte) (v >> 8);
        b[at + 3] = (byte) v;
    }
}
