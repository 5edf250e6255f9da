package org.cusax.media.rtp;

/**
 * What we know about the stream we receive, for RTCP report blocks: extended highest sequence number,
 * packets lost (RFC 3550 A.3), interarrival jitter (A.8) and the last SR heard (for LSR/DLSR). Thread-safe.
 */
final class ReceptionStatistics {
    private long ssrc = -1;
    private int baseSeq;
    private int maxSeq;
    private long cycles;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private double jitter;
    private long lastTransit;
    private boolean haveTransit;
    private long lastSrMiddle;
    private long lastSrNanos;

    synchronized void onRtp(RtpPacket p, int clockRate, long arrivalNanos) {
        int seq = p.sequenceNumber();
        if (p.ssrc() != ssrc) {
            ssrc = p.ssrc();
            baseSeq = seq;
            maxSeq = seq;
            cycles = 0;
            received = 0;
            expectedPrior = 0;
            receivedPrior = 0;
            jitter = 0;
            haveTransit = false;
        } else if (seq < maxSeq && maxSeq - seq > 0x8000) {
            cycles += 0x10000;
            maxSeq = seq;
        } else if (seq > maxSeq && seq - maxSeq < 0x8000) {
            maxSeq = seq;
        }
        received++;
        long arrival = arrivalNanos / 1000 * clockRate / 1_000_000;
        long transit = arrival - p.timestamp();
        if (haveTransit) {
            double d = Math.abs(transit - lastTransit);
            jitter += (d - jitter) / 16;
        }
        lastTransit = transit;
        haveTransit = true;
    }

    synchronized void onSenderReport(long ntpTimestamp, long arrivalNanos) {
        lastSrMiddle = (ntpTimestamp >>> 16) & 0xFFFF_FFFFL;
        lastSrNanos = arrivalNanos;
    }

    /** The report block for our next SR/RR, or null if nothing was received yet. */
    synchronized Rtcp.ReportBlock reportBlock(long nowNanos) {
        if (ssrc < 0) {
            return null;
        }
        long extendedMax = cycles + maxSeq;
        long expected = extendedMax - baseSeq + 1;
        long lostTotal = expected - received;
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long dlsr = lastSrNanos == 0 ? 0 : (nowNanos - lastSrNanos) * 65536 / 1_000_000_000L;
        return new Rtcp.ReportBlock(ssrc, Math.min(255, fraction), (int) Math.max(Integer.MIN_VALUE, lostTotal),
                extendedMax & 0xFFFF_FFFFL, (long) jitter, lastSrMiddle, dlsr);
    }
}
