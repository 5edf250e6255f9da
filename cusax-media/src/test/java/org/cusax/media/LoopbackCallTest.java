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
import java.util.function.UnaryOperator;
import org.cusax.core.testing.Eventually;
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
 * B records it to a WAV file, which is checked by analysis; DTMF goes both ways (RFC 4733), each digit
 * reported once; after hang-up B has received exactly what A sent and no counter moves. Nothing sleeps:
 * the test waits for packet counts and for each session to report its threads ended.
 */
class LoopbackCallTest {
    /** Long enough for a loaded 2-core machine; a fast one goes on as soon as the condition holds. */
    private static final Duration WAIT = Duration.ofSeconds(20);
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

            assertThat(Eventually.holds(tone::isFinished, WAIT)).as("A's 1 s tone played out").isTrue();
            a.sendDtmf("1234#");
            b.sendDtmf("*0");
            assertThat(take(atB, 5)).containsExactly('1', '2', '3', '4', '#');
            assertThat(take(atA, 2)).containsExactly('*', '0');
            awaitDigitPacketsHandled(a, b, 5 * 7);
            awaitDigitPacketsHandled(b, a, 2 * 7);
            assertThat(atB).as("each digit reported once").isEmpty();
            assertThat(atA).as("each digit reported once").isEmpty();

            a.close();
            assertThat(Eventually.holds(a::isStopped, WAIT)).as("A's tick and receive threads ended").isTrue();
            RtpStatistics aClosed = a.statistics();
            assertThat(Eventually.holds(() -> b.statistics().rtpPacketsReceived() >= aClosed.rtpPacketsSent(), WAIT))
                    .as("B received every RTP packet A sent").isTrue();
            assertThat(Eventually.holds(() -> b.statistics().rtcpPacketsReceived() >= aClosed.rtcpPacketsSent(), WAIT))
                    .as("B received every RTCP compound A sent, its closing BYE (RFC 3550 §6.3.7) the last").isTrue();
            b.close();
            assertThat(Eventually.holds(b::isStopped, WAIT)).as("B's tick and receive threads ended").isTrue();
            RtpStatistics bClosed = b.statistics();
            assertThat(bClosed.rtpPacketsReceived()).as("RTP reaching B: what A sent before it hung up, nothing after")
                    .isEqualTo(aClosed.rtpPacketsSent());
            assertThat(a.statistics()).as("A after close").isEqualTo(aClosed);
            assertThat(b.statistics()).as("B after close").isEqualTo(bClosed);
            assertThat(atB).as("each digit reported once, every packet A sent handled").isEmpty();
            assertThat(aClosed.rtpPacketsSent()).isGreaterThan(50);
            assertThat(aClosed.dtmfPacketsSent()).isEqualTo(5 * 7);
            assertThat(bClosed.srtpFailures()).isZero();
            assertThat(bClosed.malformedPackets()).isZero();
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

    /**
     * Waits until {@code receiver} has handled every telephone-event packet {@code sender} sent (RFC 4733
     * §2.5.1.4: 7 per digit here, the end packet three times). Once the sender has counted {@code dtmfPackets},
     * the last of them is at the latest the next RTP packet it counts; the receiver handles one packet at a
     * time in arrival order (loopback keeps the order), so once it has accepted two packets more than the
     * sender had counted, every digit those packets can report has been reported.
     */
    private static void awaitDigitPacketsHandled(RtpSession sender, RtpSession receiver, int dtmfPackets) {
        assertThat(Eventually.holds(() -> sender.statistics().dtmfPacketsSent() >= dtmfPackets, WAIT))
                .as(dtmfPackets + " telephone-event packets sent").isTrue();
        long sent = sender.statistics().rtpPacketsSent();
        assertThat(Eventually.holds(() -> receiver.statistics().rtpPacketsReceived() >= sent + 2, WAIT))
                .as("the packets after the last telephone-event received").isTrue();
    }
}
