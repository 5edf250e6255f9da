package org.cusax.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cusax.core.testing.Eventually;
import org.cusax.media.audio.BufferSink;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.SilenceSource;
import org.cusax.media.codec.G711Codec;
import org.cusax.media.sdp.Direction;
import org.cusax.media.sdp.NegotiatedMedia;
import org.cusax.media.sdp.PayloadFormat;
import org.junit.jupiter.api.Test;

/**
 * What the sink hears when packets stop coming once playout has started (a late or lost packet, a peer that
 * falls silent): the G.711 tone goes on by pitch repetition for the first frame, fades over the next two, and
 * is silence after 60 ms ({@link RtpStatistics#framesConcealed()} counts the three). On 127.0.0.1, the tick run
 * by the test with a clock that only the test moves.
 */
class RtpSessionConcealmentTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final G711Codec PCMU = G711Codec.pcmu();
    private static final int AMPLITUDE = 8000;

    private final AtomicLong clock = new AtomicLong(9_000_000_000L);

    private static short[] tone(int frame) {
        short[] out = new short[Pcm.FRAME_SAMPLES];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * 1000 * (frame * out.length + i) / Pcm.SAMPLE_RATE));
        }
        return out;
    }

    private static short[] frame(short[] samples, int k) {
        return Arrays.copyOfRange(samples, k * Pcm.FRAME_SAMPLES, (k + 1) * Pcm.FRAME_SAMPLES);
    }

    @Test
    void aToneWhosePacketsStopIsConcealedFor60MsFadingThenSilent() throws Exception {
        BufferSink heard = new BufferSink();
        try (DatagramSocket peer = new DatagramSocket(0, LOOPBACK);
                RtpSession a = RtpSession.bind(LOOPBACK, 0, RtpOptions.defaults(), clock::get)) {
            long start = clock.get();
            a.start(new NegotiatedMedia(new InetSocketAddress(LOOPBACK, peer.getLocalPort()),
                    new InetSocketAddress(LOOPBACK, peer.getLocalPort() + 1), PayloadFormat.PCMU,
                    List.of(PayloadFormat.PCMU), Optional.empty(), Direction.SENDRECV, false, Optional.empty()),
                    new SilenceSource(), heard);
            tickAt(a, start, 0); // frame 0: nothing received yet, nothing played
            for (int k = 0; k < 3; k++) {
                byte[] bytes = RtpPacket.of(k == 0, 0, 2000 + k, 160L * k, 0x5678, PCMU.encode(tone(k))).toBytes();
                peer.send(new DatagramPacket(bytes, bytes.length, a.localAddress()));
            }
            assertThat(Eventually.holds(() -> a.statistics().rtpPacketsReceived() == 3, WAIT)).isTrue();
            for (int k = 1; k <= 7; k++) { // 3 frames of tone, then the peer sends nothing more
                tickAt(a, start, 20L * k);
            }

            short[] samples = heard.samples();
            assertThat(samples).hasSize(7 * Pcm.FRAME_SAMPLES);
            double toneRms = SignalAnalysis.rms(frame(samples, 0));
            double[] rms = new double[7];
            for (int k = 0; k < 7; k++) {
                rms[k] = SignalAnalysis.rms(frame(samples, k));
            }
            assertThat(SignalAnalysis.dominantFrequency(frame(samples, 3), Pcm.SAMPLE_RATE))
                    .as("the first missing frame goes on with the tone").isCloseTo(1000, within(5.0));
            assertThat(rms[3]).isCloseTo(toneRms, within(toneRms * 0.15));
            assertThat(rms[4]).as("fading").isLessThan(rms[3]).isPositive();
            assertThat(rms[5]).as("fading").isLessThan(rms[4]).isPositive();
            assertThat(rms[6]).as("after 60 ms: silence").isZero();
            assertThat(a.statistics().framesConcealed()).isEqualTo(3);
        }
    }

    private void tickAt(RtpSession session, long startNanos, long millis) {
        clock.set(startNanos + TimeUnit.MILLISECONDS.toNanos(millis));
        session.tick();
    }
}
