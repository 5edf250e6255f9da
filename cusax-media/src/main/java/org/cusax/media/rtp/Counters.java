package org.cusax.media.rtp;

import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link RtpStatistics}. */
final class Counters {
    final AtomicLong rtpPacketsSent = new AtomicLong();
    final AtomicLong rtpBytesSent = new AtomicLong();
    final AtomicLong payloadOctetsSent = new AtomicLong();
    final AtomicLong rtpPacketsReceived = new AtomicLong();
    final AtomicLong rtpBytesReceived = new AtomicLong();
    final AtomicLong rtcpPacketsSent = new AtomicLong();
    final AtomicLong rtcpPacketsReceived = new AtomicLong();
    final AtomicLong dtmfPacketsSent = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong srtpFailures = new AtomicLong();
    final AtomicLong stalls = new AtomicLong();
    final AtomicLong framesSkipped = new AtomicLong();
    final AtomicLong framesConcealed = new AtomicLong();

    RtpStatistics snapshot(JitterBuffer jitter) {
        return new RtpStatistics(rtpPacketsSent.get(), rtpBytesSent.get(), rtpPacketsReceived.get(),
                rtpBytesReceived.get(), rtcpPacketsSent.get(), rtcpPacketsReceived.get(), dtmfPacketsSent.get(),
                malformed.get(), srtpFailures.get(), jitter.lost(), jitter.late(), jitter.duplicates(),
                stalls.get(), framesSkipped.get(), jitter.shed(), framesConcealed.get());
    }
}
