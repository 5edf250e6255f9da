package org.cusax.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.cusax.core.testing.Eventually;
import org.cusax.media.audio.AudioSource;
import org.cusax.media.audio.BufferSink;
import org.cusax.media.audio.NullSink;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SilenceSource;
import org.cusax.media.codec.G711Codec;
import org.cusax.media.sdp.Direction;
import org.cusax.media.sdp.NegotiatedMedia;
import org.cusax.media.sdp.PayloadFormat;
import org.junit.jupiter.api.Test;

/**
 * {@link RtpSession} after a stall of its 20 ms tick, on 127.0.0.1 with an injected clock that only the test
 * moves: the session's own schedule finds nothing due while the clock stands still, and the test runs the
 * tick itself after each move, so whichever thread runs a frame, the packets are the same. Checks RFC 3550
 * §5.1 (the timestamp advances over skipped frames, the sequence number by one per packet sent) and RFC 3551
 * §4.1 (marker bit on the first packet after the gap, and after a hold), what the source and the sink see,
 * and the counters.
 */
class RtpSessionStallTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final G711Codec PCMU = G711Codec.pcmu();

    private final AtomicLong clock = new AtomicLong(5_000_000_000L);

    private static NegotiatedMedia media(InetSocketAddress to) {
        return media(to, Direction.SENDRECV);
    }

    private static NegotiatedMedia media(InetSocketAddress to, Direction direction) {
        return new NegotiatedMedia(to, new InetSocketAddress(to.getAddress(), to.getPort() + 1), PayloadFormat.PCMU,
                List.of(PayloadFormat.PCMU), Optional.empty(), direction, false, Optional.empty());
    }

    /** Frame {@code k}: silence with one pulse at sample {@code k}, so a frame names itself after G.711. */
    private static short[] pulse(int k) {
        short[] frame = new short[Pcm.FRAME_SAMPLES];
        frame[k] = 8000;
        return frame;
    }

    /** Which frame {@code samples} is: the index of its pulse. */
    private static int pulseAt(short[] samples) {
        int at = 0;
        for (int i = 1; i < samples.length; i++) {
            if (samples[i] > samples[at]) {
                at = i;
            }
        }
        return at;
    }

    /** Hands out frame 0, 1, 2... and counts the reads. */
    private static final class CountingSource implements AudioSource {
        int reads;

        @Override
        public boolean read(short[] frame) {
            System.arraycopy(pulse(reads++), 0, frame, 0, frame.length);
            return true;
        }
    }

    /** Moves the clock to {@code millis} after the start and runs the tick {@code runs} times. */
    private void runsAt(RtpSession session, long startNanos, long millis, int runs) {
        clock.set(startNanos + TimeUnit.MILLISECONDS.toNanos(millis));
        for (int i = 0; i < runs; i++) {
            session.tick();
        }
    }

    private static RtpPacket receive(DatagramSocket tap) throws Exception {
        byte[] buf = new byte[2048];
        DatagramPacket dp = new DatagramPacket(buf, buf.length);
        tap.receive(dp);
        return RtpPacket.parse(Arrays.copyOf(buf, dp.getLength()));
    }

    @Test
    void rfc3550_5_1_afterAStallTheTimestampJumpsTheSequenceStaysConsecutiveAndTheMarkerIsSet() throws Exception {
        CountingSource source = new CountingSource();
        RtpOptions options = RtpOptions.defaults().withRtcpIntervalTicks(4);
        try (DatagramSocket tap = new DatagramSocket(0, LOOPBACK);
                RtpSession a = RtpSession.bind(LOOPBACK, 0, options, clock::get)) {
            tap.setSoTimeout((int) WAIT.toMillis());
            long start = clock.get();
            a.start(media(new InetSocketAddress(LOOPBACK, tap.getLocalPort())), source, new NullSink());
            runsAt(a, start, 0, 1);       // frame 0 (run by the session's schedule or by us)
            runsAt(a, start, 20, 1);      // frame 1
            runsAt(a, start, 40 + 100, 6); // slot 2 stalled 100 ms: frames 2..6 skipped, frame 7 sent, 5 idle runs
            runsAt(a, start, 160, 1);     // frame 8
            runsAt(a, start, 180 + 65, 4); // slot 9 stalled 65 ms (3 frames behind): frames 9..12 all sent

            List<RtpPacket> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(receive(tap));
            }
            RtpPacket first = sent.get(0);
            for (int i = 0; i < sent.size(); i++) {
                assertThat(sent.get(i).sequenceNumber()).as("RFC 3550: +1 per packet sent, packet %d", i)
                        .isEqualTo((first.sequenceNumber() + i) & 0xFFFF);
            }
            int[] frames = {0, 1, 7, 8, 9, 10, 11, 12};
            for (int i = 0; i < sent.size(); i++) {
                assertThat((sent.get(i).timestamp() - first.timestamp()) & 0xFFFF_FFFFL)
                        .as("RFC 3550 §5.1: timestamp of packet %d is its sampling instant", i)
                        .isEqualTo(160L * frames[i]);
                assertThat(pulseAt(PCMU.decode(sent.get(i).payload()))).as("source frame in packet %d", i)
                        .isEqualTo(frames[i]);
                assertThat(sent.get(i).marker()).as("RFC 3551 §4.1: marker on packet %d", i)
                        .isEqualTo(i == 0 || i == 2);
            }
            assertThat(source.reads).as("skipped frames 2..6 were read and dropped").isEqualTo(13);
            RtpStatistics stats = a.statistics();
            assertThat(stats.rtpPacketsSent()).isEqualTo(8);
            assertThat(stats.stalls()).isEqualTo(1);
            assertThat(stats.framesSkipped()).isEqualTo(5);
            assertThat(stats.rtcpPacketsSent()).as("RTCP every 4 frames of media time: frames 1, 5 (sent with 7), 9")
                    .isEqualTo(3);
        }
    }

    @Test
    void rfc3550_5_1_afterAStallTheSinkGetsNoBurstAndWhatWasDueMeanwhileIsDropped() throws Exception {
        BufferSink heard = new BufferSink();
        try (DatagramSocket peer = new DatagramSocket(0, LOOPBACK);
                RtpSession a = RtpSession.bind(LOOPBACK, 0, RtpOptions.defaults(), clock::get)) {
            peer.setSoTimeout((int) WAIT.toMillis());
            long start = clock.get();
            a.start(media(new InetSocketAddress(LOOPBACK, peer.getLocalPort())), new SilenceSource(), heard);
            runsAt(a, start, 0, 1);
            receive(peer); // frame 0 is done: nothing was buffered, nothing played
            for (int k = 0; k < 10; k++) {
                byte[] bytes = RtpPacket.of(k == 0, 0, 1000 + k, 160L * k, 0x1234, PCMU.encode(pulse(k))).toBytes();
                peer.send(new DatagramPacket(bytes, bytes.length, a.localAddress()));
            }
            await(() -> a.statistics().rtpPacketsReceived() == 10);

            runsAt(a, start, 20, 1);       // frame 1 plays packet 1000
            runsAt(a, start, 40 + 100, 6); // stalled: the 5 frames due meanwhile (1001..1005) are not played
            byte[] stale = RtpPacket.of(false, 0, 1004, 160L * 4, 0x1234, PCMU.encode(pulse(4))).toBytes();
            peer.send(new DatagramPacket(stale, stale.length, a.localAddress()));
            await(() -> a.statistics().packetsLate() == 1);
            runsAt(a, start, 160, 1);

            short[] samples = heard.samples();
            assertThat(samples).as("three ticks ran a frame: three frames played, no burst")
                    .hasSize(3 * Pcm.FRAME_SAMPLES);
            List<Integer> played = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                played.add(pulseAt(Arrays.copyOfRange(samples, i * Pcm.FRAME_SAMPLES, (i + 1) * Pcm.FRAME_SAMPLES)));
            }
            assertThat(played).containsExactly(0, 6, 7);
            RtpStatistics stats = a.statistics();
            assertThat(stats.framesSkipped()).isEqualTo(5);
            assertThat(stats.packetsLost()).as("skipped on purpose, not lost").isZero();
        }
    }

    /** A hold (RFC 3264 §8.4: we stop sending) is a gap in sending too: the first packet after it is marked. */
    @Test
    void rfc3551_4_1_theFirstPacketAfterAHoldCarriesTheMarker() throws Exception {
        CountingSource source = new CountingSource();
        try (DatagramSocket tap = new DatagramSocket(0, LOOPBACK);
                RtpSession a = RtpSession.bind(LOOPBACK, 0, RtpOptions.defaults(), clock::get)) {
            tap.setSoTimeout((int) WAIT.toMillis());
            InetSocketAddress to = new InetSocketAddress(LOOPBACK, tap.getLocalPort());
            long start = clock.get();
            a.start(media(to), source, new NullSink());
            runsAt(a, start, 0, 1);   // frame 0: the first packet, marked
            runsAt(a, start, 20, 1);  // frame 1
            a.update(media(to, Direction.RECVONLY)); // held: frames 2 and 3 not sent
            runsAt(a, start, 40, 1);
            runsAt(a, start, 60, 1);
            a.update(media(to, Direction.SENDRECV)); // resumed
            runsAt(a, start, 80, 1);  // frame 4: the first after the hold, marked
            runsAt(a, start, 100, 1); // frame 5
            a.update(media(to, Direction.SENDRECV)); // a re-INVITE that changes nothing: no gap, no marker
            runsAt(a, start, 120, 1); // frame 6

            List<Boolean> markers = new ArrayList<>();
            List<Long> timestamps = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                RtpPacket p = receive(tap);
                markers.add(p.marker());
                timestamps.add(p.timestamp());
            }
            assertThat(markers).containsExactly(true, false, true, false, false);
            assertThat((timestamps.get(2) - timestamps.get(0)) & 0xFFFF_FFFFL)
                    .as("RFC 3550 §5.1: the held frames' time passed").isEqualTo(160L * 4);
            assertThat(a.statistics().rtpPacketsSent()).isEqualTo(5);
        }
    }

    private static void await(BooleanSupplier condition) {
        assertThat(Eventually.holds(condition, WAIT)).as("the expected packet counts").isTrue();
    }
}
