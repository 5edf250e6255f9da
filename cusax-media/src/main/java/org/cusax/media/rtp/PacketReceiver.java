package org.cusax.media.rtp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.cusax.media.MalformedPacketException;
import org.cusax.media.dtmf.DtmfEvent;
import org.cusax.media.dtmf.DtmfListener;
import org.cusax.media.dtmf.DtmfReceiver;
import org.cusax.media.srtp.SrtpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the RTP and RTCP sockets on two threads and routes each datagram: RTCP (own port or multiplexed,
 * RFC 5761 §4) to the reception statistics, telephone-events to the DTMF receiver, audio to the jitter
 * buffer. SRTP is checked first when negotiated. Anything invalid is counted and dropped, never thrown.
 */
final class PacketReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(PacketReceiver.class);
    private static final int MAX_DATAGRAM = 2048;

    private final RtpSockets sockets;
    private final Supplier<MediaState> state;
    private final Counters counters;
    private final JitterBuffer jitter;
    private final ReceptionStatistics reception;
    private final RemoteTarget target;
    private final DtmfReceiver dtmf = new DtmfReceiver();
    private final List<DtmfListener> listeners;
    private final LongSupplier clock;
    private final Thread[] threads = new Thread[2];
    private volatile boolean stopped;

    PacketReceiver(RtpSockets sockets, Supplier<MediaState> state, Counters counters, JitterBuffer jitter,
            ReceptionStatistics reception, RemoteTarget target, List<DtmfListener> listeners, LongSupplier clock) {
        this.sockets = sockets;
        this.state = state;
        this.counters = counters;
        this.jitter = jitter;
        this.reception = reception;
        this.target = target;
        this.listeners = listeners;
        this.clock = clock;
    }

    void start() {
        int port = sockets.rtp.getLocalPort();
        threads[0] = new Thread(() -> loop(sockets.rtp, false), "cusax-rtp-in-" + port);
        threads[1] = new Thread(() -> loop(sockets.rtcp, true), "cusax-rtcp-in-" + (port + 1));
        for (Thread t : threads) {
            t.setDaemon(true);
            t.start();
        }
    }

    /** Stops handling datagrams at once; the threads end when the sockets close. */
    void stop() {
        stopped = true;
    }

    /** True when both receive threads (if started) have ended. */
    boolean hasEnded() {
        for (Thread t : threads) {
            if (t != null && t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    void join() throws InterruptedException {
        for (Thread t : threads) {
            if (t != null && t != Thread.currentThread()) {
                t.join(2000);
            }
        }
    }

    private void loop(DatagramSocket socket, boolean rtcpSocket) {
        byte[] buf = new byte[MAX_DATAGRAM];
        while (!stopped) {
            DatagramPacket dp = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(dp);
            } catch (IOException e) {
                if (socket.isClosed() || stopped) {
                    return;
                }
                LOG.debug("receive on port {} failed: {}", socket.getLocalPort(), e.toString());
                continue;
            }
            if (stopped) {
                return;
            }
            try {
                handle(Arrays.copyOf(buf, dp.getLength()), (InetSocketAddress) dp.getSocketAddress(), rtcpSocket);
            } catch (RuntimeException e) {
                counters.malformed.incrementAndGet();
                LOG.warn("dropped a datagram from {} that broke its handler", dp.getSocketAddress(), e);
            }
        }
    }

    private void handle(byte[] data, InetSocketAddress from, boolean rtcpSocket) {
        MediaState s = state.get();
        if (rtcpSocket || Rtcp.isRtcp(data, data.length)) {
            handleRtcp(s, data, from);
        } else {
            handleRtp(s, data, from);
        }
    }

    private void handleRtp(MediaState s, byte[] data, InetSocketAddress from) {
        byte[] clear = data;
        if (s.srtpIn != null) {
            try {
                clear = s.srtpIn.unprotectRtp(data);
            } catch (SrtpException e) {
                counters.srtpFailures.incrementAndGet();
                LOG.debug("SRTP packet from {} dropped: {}", from, e.getMessage());
                return;
            }
        }
        RtpPacket p;
        try {
            p = RtpPacket.parse(clear);
        } catch (MalformedPacketException e) {
            counters.malformed.incrementAndGet();
            LOG.debug("RTP packet from {} dropped: {}", from, e.getMessage());
            return;
        }
        if (p.payloadType() == s.dtmfPayloadType) {
            DtmfEvent event;
            try {
                event = DtmfEvent.decode(p.payload());
            } catch (MalformedPacketException e) {
                counters.malformed.incrementAndGet();
                return;
            }
            accepted(p, data, from);
            onTelephoneEvent(p, event);
        } else if (s.decoders.containsKey(p.payloadType())) {
            accepted(p, data, from);
            reception.onRtp(p, s.clockRates.get(p.payloadType()), clock.getAsLong());
            jitter.offer(p);
        } else {
            counters.malformed.incrementAndGet();
            LOG.debug("RTP payload type {} from {} was not negotiated", p.payloadType(), from);
        }
    }

    /** A packet of negotiated media: only these count, and only these may move the symmetric-RTP target. */
    private void accepted(RtpPacket p, byte[] data, InetSocketAddress from) {
        target.onValidRtp(from, p.ssrc());
        counters.rtpPacketsReceived.incrementAndGet();
        counters.rtpBytesReceived.addAndGet(data.length);
    }

    private void onTelephoneEvent(RtpPacket p, DtmfEvent event) {
        Optional<Character> digit = dtmf.accept(p.ssrc(), p.timestamp(), p.marker(), event);
        digit.ifPresent(d -> {
            for (DtmfListener l : listeners) {
                try {
                    l.onDigit(d);
                } catch (RuntimeException e) {
                    LOG.warn("DTMF listener failed", e);
                }
            }
        });
    }

    private void handleRtcp(MediaState s, byte[] data, InetSocketAddress from) {
        byte[] clear = data;
        if (s.srtpIn != null) {
            try {
                clear = s.srtpIn.unprotectRtcp(data);
            } catch (SrtpException e) {
                counters.srtpFailures.incrementAndGet();
                LOG.debug("SRTCP packet from {} dropped: {}", from, e.getMessage());
                return;
            }
        }
        Rtcp.Compound compound;
        try {
            compound = Rtcp.parse(clear, clear.length);
        } catch (MalformedPacketException e) {
            counters.malformed.incrementAndGet();
            LOG.debug("RTCP packet from {} dropped: {}", from, e.getMessage());
            return;
        }
        if (!s.media.rtcpMux()) {
            target.onValidRtcp(from);
        }
        counters.rtcpPacketsReceived.incrementAndGet();
        for (Rtcp.Report r : compound.reports()) {
            if (r.senderInfo() != null) {
                reception.onSenderReport(r.senderInfo().ntpTimestamp(), clock.getAsLong());
            }
        }
    }
}
