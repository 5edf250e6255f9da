package org.cusax.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.cusax.media.audio.BufferSink;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.SilenceSource;
import org.cusax.media.audio.ToneSource;
import org.cusax.media.audio.WavFileSink;
import org.cusax.media.audio.WavFileSource;
import org.cusax.media.rtp.RtpSession;
import org.cusax.media.rtp.RtpStatistics;
import org.cusax.media.sdp.Answer;
import org.cusax.media.sdp.LocalMedia;
import org.cusax.media.sdp.NegotiatedMedia;
import org.cusax.media.sdp.PayloadFormat;
import org.cusax.media.sdp.SdpNegotiator;
import org.cusax.media.sdp.SdpParser;
import org.cusax.media.sdp.SrtpMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole call's media between two sessions on 127.0.0.1: SDP offer/answer (RFC 3264) as text both ways,
 * then A plays a 1 kHz tone for 1 s (RFC 3550 RTP, RFC 3551 PCMU/PCMA, RFC 7587 Opus, RFC 3711 SRTP),
 * B records it to a WAV file, which is checked by analysis; DTMF goes both ways (RFC 4733); after
 * hang-up no packet moves.
 */
class LoopbackCallTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    @Test
    void pcmuCallCarriesToneAndDtmf() throws Exception {
        NegotiatedMedia media = call(m -> m.withSrtp(SrtpMode.DISABLED), m -> m, "PCMU");
        assertThat(media.isSecure()).isFalse();
    }

    @Test
    void pcmaCallCarriesToneAndDtmf() throws Exception {
        NegotiatedMedia media = call(m -> m.withSrtp(SrtpMode.DISABLED).withCodecs(List.of(PayloadFormat.PCMA)),
                m -> m, "PCMA");
        assertThat(media.isSecure()).isFalse();
    }

    @Test
    void srtpCallCarriesToneAndDtmf() throws Exception {
        NegotiatedMedia media = call(m -> m.withSrtp(SrtpMode.MANDATORY), m -> m.withSrtp(SrtpMode.MANDATORY), "PCMU");
        assertThat(media.isSecure()).isTrue();
    }

    @Test
    void opusCallWithRtcpMuxCarriesToneAndDtmf() throws Exception {
        UnaryOperator<LocalMedia> opus = m -> m.withCodecs(List.of(PayloadFormat.opus(PayloadFormat.OPUS_PT),
                PayloadFormat.PCMU)).withRtcpMux(true);
        NegotiatedMedia media = call(opus, opus, "opus");
        assertThat(media.rtcpMux()).isTrue();
        assertThat(media.dtmf()).hasValueSatisfying(f -> assertThat(f.clockRate()).isEqualTo(48_000));
    }

    /** Runs the call; returns A's negotiated media. */
    @SuppressWarnings("try")
    private NegotiatedMedia call(UnaryOperator<LocalMedia> aCaps, UnaryOperator<LocalMedia> bCaps, String codec)
            throws Exception {
        Path recording = dir.resolve("b-" + codec + ".wav");
        BlockingQueue<Character> atA = new LinkedBlockingQueue<>();
        BlockingQueue<Character> atB = new LinkedBlockingQueue<>();
        ToneSource tone = new ToneSource(1000, 12_000, Duration.ofSeconds(1));
        NegotiatedMedia aMedia;
        try (RtpSession a = RtpSession.bind(LOOPBACK, 0); RtpSession b = RtpSession.bind(LOOPBACK, 0);
                WavFileSink wav = WavFileSink.create(recording)) {
            SdpNegotiator offerer = new SdpNegotiator(aCaps.apply(LocalMedia.defaults(a.localAddress())));
            SdpNegotiator answerer = new SdpNegotiator(bCaps.apply(LocalMedia.defaults(b.localAddress())));
            Answer answer = answerer.createAnswer(SdpParser.parse(offerer.createOffer().toSdp()));
            aMedia = offerer.acceptAnswer(SdpParser.parse(answer.sdp().toSdp()));
            assertThat(aMedia.sendFormat().encodingName()).isEqualToIgnoringCase(codec);
            assertThat(answer.media().sendFormat().encodingName()).isEqualToIgnoringCase(codec);
            a.addDtmfListener(atA::add);
            b.addDtmfListener(atB::add);
            BufferSink heardByA = new BufferSink();
            b.start(answer.media(), new SilenceSource(), wav);
            a.start(aMedia, tone, heardByA);

            await(tone::isFinished);
            a.sendDtmf("1234#");
            b.sendDtmf("*0");
            assertThat(take(atB, 5)).containsExactly('1', '2', '3', '4', '#');
            assertThat(take(atA, 2)).containsExactly('*', '0');
            await(() -> !a.isSendingDtmf() && !b.isSendingDtmf());
            Thread.sleep(100);
            assertThat(atB).as("each digit reported once").isEmpty();
            assertThat(atA).isEmpty();

            a.close();
            Thread.sleep(100);
            RtpStatistics aClosed = a.statistics();
            RtpStatistics bAfterHangup = b.statistics();
            Thread.sleep(300);
            assertThat(a.statistics()).as("A after close").isEqualTo(aClosed);
            assertThat(b.statistics().rtpPacketsReceived()).as("RTP reaching B after A hung up")
                    .isEqualTo(bAfterHangup.rtpPacketsReceived());
            assertThat(aClosed.rtpPacketsSent()).isGreaterThan(50);
            assertThat(aClosed.dtmfPacketsSent()).isEqualTo(5 * 7);
            assertThat(bAfterHangup.srtpFailures()).isZero();
            assertThat(bAfterHangup.malformedPackets()).isZero();
            b.close();
            RtpStatistics bClosed = b.statistics();
            Thread.sleep(100);
            assertThat(b.statistics()).as("B after close").isEqualTo(bClosed);
        }
        short[] pcm = WavFileSource.readAll(recording);
        assertThat(SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE)).isCloseTo(1000.0,
                org.assertj.core.data.Offset.offset(20.0));
        assertThat(SignalAnalysis.rms(pcm)).isGreaterThan(2000);
        assertThat(SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE)).isBetween(Duration.ofMillis(800),
                Duration.ofMillis(1200));
        return aMedia;
    }

    private static List<Character> take(BlockingQueue<Character> queue, int n) throws InterruptedException {
        List<Character> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Character c = queue.poll(10, TimeUnit.SECONDS);
            if (c == null) {
                break;
            }
            out.add(c);
        }
        return out;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 10 s").isTrue();
    }
}
