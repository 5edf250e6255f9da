package org.cusax.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cusax.media.MalformedPacketException;

/**
 * Minimal RTCP (RFC 3550 §6): builds compound packets of one SR or RR (with at most one report block)
 * followed by an SDES CNAME, and parses received compounds with the validity checks of RFC 3550 A.2.
 */
public final class Rtcp {
    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SDES = 202;
    public static final int BYE = 203;
    private static final int VERSION = 2;

    private Rtcp() {
    }

    /** The sender information of an SR (RFC 3550 §6.4.1). */
    public record SenderInfo(long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount) {
    }

    /** One reception report block (RFC 3550 §6.4.1). */
    public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence,
            long jitter, long lastSenderReport, long delaySinceLastSenderReport) {
        public ReportBlock {
            if (fractionLost < 0 || fractionLost > 255) {
                throw new IllegalArgumentException("fraction lost is 8 bits, got " + fractionLost);
            }
            cumulativeLost = Math.max(-0x800000, Math.min(0x7FFFFF, cumulativeLost));
        }
    }

    /** An SR or RR found in a received compound. */
    public record Report(int packetType, long senderSsrc, SenderInfo senderInfo, List<ReportBlock> blocks) {
        public Report {
            blocks = List.copyOf(blocks);
        }
    }

    /** A parsed compound packet: its reports and whether it carried a BYE. */
    public record Compound(List<Report> reports, boolean bye) {
        public Compound {
            reports = List.copyOf(reports);
        }
    }

    /** True if a datagram on a multiplexed port is RTCP rather than RTP (RFC 5761 §4: second byte 192..223). */
    public static boolean isRtcp(byte[] data, int length) {
        if (length < 2) {
            return false;
        }
        int pt = data[1] & 0xFF;
        return pt >= 192 && pt <= 223;
    }

    /** An SR (when {@code senderInfo} is given) or RR, plus SDES CNAME. {@code block} may be null. */
    public static byte[] compound(long ssrc, SenderInfo senderInfo, ReportBlock block, String cname) {
        byte[] name = cname.getBytes(StandardCharsets.UTF_8);
        if (name.length > 255) {
            throw new IllegalArgumentException("CNAME longer than 255 bytes");
        }
        int reportLength = 8 + (senderInfo == null ? 0 : 20) + (block == null ? 0 : 24);
        int sdesItems = 2 + name.length + 1;
        int sdesLength = 8 + ((sdesItems + 3) / 4) * 4;
        byte[] out = new byte[reportLength + sdesLength];
        out[0] = (byte) ((VERSION << 6) | (block == null ? 0 : 1));
        out[1] = (byte) (senderInfo == null ? RR : SR);
        RtpPacket.put16(out, 2, reportLength / 4 - 1);
        RtpPacket.put32(out, 4, ssrc);
        int at = 8;
        if (senderInfo != null) {
            RtpPacket.put32(out, at, senderInfo.ntpTimestamp >>> 32);
            RtpPacket.put32(out, at + 4, senderInfo.ntpTimestamp & 0xFFFF_FFFFL);
            RtpPacket.put32(out, at + 8, senderInfo.rtpTimestamp & 0xFFFF_FFFFL);
            RtpPacket.put32(out, at + 12, senderInfo.packetCount & 0xFFFF_FFFFL);
            RtpPacket.put32(out, at + 16, senderInfo.octetCount & 0xFFFF_FFFFL);
            at += 20;
        }
        if (block != null) {
            RtpPacket.put32(out, at, block.ssrc);
            out[at + 4] = (byte) block.fractionLost;
            out[at + 5] = (byte) (block.cumulativeLost >> 16);
            out[at + 6] = (byte) (block.cumulativeLost >> 8);
            out[at + 7] = (byte) block.cumulativeLost;
            RtpPacket.put32(out, at + 8, block.extendedHighestSequence & 0xFFFF_FFFFL);
            RtpPacket.put32(out, at + 12, block.jitter & 0xFFFF_FFFFL);
            RtpPacket.put32(out, at + 16, block.lastSenderReport & 0xFFFF_FFFFL);
            RtpPacket.put32(out, at + 20, block.delaySinceLastSenderReport & 0xFFFF_FFFFL);
            at += 24;
        }
        out[at] = (byte) ((VERSION << 6) | 1);
        out[at + 1] = (byte) SDES;
        RtpPacket.put16(out, at + 2, sdesLength / 4 - 1);
        RtpPacket.put32(out, at + 4, ssrc);
        out[at + 8] = 1;
        out[at + 9] = (byte) name.length;
        System.arraycopy(name, 0, out, at + 10, name.length);
        return out;
    }

    /**
     * {@code compound} (an SR or RR first, from {@link #compound}) with a BYE for {@code ssrc} at its end
     * (RFC 3550 §6.6: no reason given): how a participant that leaves says so (§6.3.7).
     */
    public static byte[] withBye(byte[] compound, long ssrc) {
        byte[] out = Arrays.copyOf(compound, compound.length + 8);
        out[compound.length] = (byte) ((VERSION << 6) | 1);
        out[compound.length + 1] = (byte) BYE;
        RtpPacket.put16(out, compound.length + 2, 1);
        RtpPacket.put32(out, compound.length + 4, ssrc);
        return out;
    }

    /** Parses and validates a compound packet; the first packet must be an SR or RR. */
    public static Compound parse(byte[] data, int length) throws MalformedPacketException {
        if (data == null || length < 8 || length > data.length) {
            throw new MalformedPacketException("RTCP packet of " + length + " bytes is too short");
        }
        List<Report> reports = new ArrayList<>();
        boolean bye = false;
        int at = 0;
        while (at < length) {
            if (length - at < 4) {
                throw new MalformedPacketException("trailing " + (length - at) + " bytes after the last RTCP packet");
            }
            int b0 = data[at] & 0xFF;
            int type = data[at + 1] & 0xFF;
            int bytes = (RtpPacket.u16(data, at + 2) + 1) * 4;
            if (b0 >> 6 != VERSION) {
                throw new MalformedPacketException("RTCP version " + (b0 >> 6) + ", expected 2");
            }
            if (at == 0 && type != SR && type != RR) {
                throw new MalformedPacketException("compound RTCP must start with SR or RR, got type " + type);
            }
            if (at + bytes > length) {
                throw new MalformedPacketException("RTCP packet of " + bytes + " bytes runs past the end");
            }
            if (type == SR || type == RR) {
                reports.add(report(data, at, bytes, type, b0 & 0x1F));
            } else if (type == BYE) {
                bye = true;
            }
            at += bytes;
        }
        return new Compound(reports, bye);
    }

    private static Report report(byte[] d, int at, int bytes, int type, int count) throws MalformedPacketException {
        int fixed = type == SR ? 28 : 8;
        if (bytes < fixed + 24 * count) {
            throw new MalformedPacketException("RTCP " + (type == SR ? "SR" : "RR") + " too short for " + count
                    + " report blocks");
        }
        SenderInfo info = null;
        if (type == SR) {
            info = new SenderInfo((RtpPacket.u32(d, at + 8) << 32) | RtpPacket.u32(d, at + 12),
                    RtpPacket.u32(d, at + 16), RtpPacket.u32(d, at + 20), RtpPacket.u32(d, at + 24));
        }
        List<ReportBlock> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int b = at + fixed + 24 * i;
            int lost = ((d[b + 5] << 16) | ((d[b + 6] & 0xFF) << 8) | (d[b + 7] & 0xFF));
            blocks.add(new ReportBlock(RtpPacket.u32(d, b), d[b + 4] & 0xFF, lost, RtpPacket.u32(d, b + 8),
                    RtpPacket.u32(d, b + 12), RtpPacket.u32(d, b + 16), RtpPacket.u32(d, b + 20)));
        }
        return new Report(type, RtpPacket.u32(d, at + 4), info, blocks);
    }
}
