package org.cusax.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.cusax.core.testing.Eventually;
import org.cusax.media.audio.AudioSource;
import org.cusax.media.audio.BufferSink;
import org.cusax.media.audio.NullSink;
import org.cusax.media.audio.SilenceSource;
import org.cusax.media.audio.ToneSource;
import org.cusax.media.sdp.Direction;
import org.cusax.media.sdp.NegotiatedMedia;
import org.cusax.media.sdp.PayloadFormat;
import org.cusax.media.srtp.SrtpKey;
import org.cusax.media.srtp.SrtpParameters;
import org.cusax.media.srtp.SrtpProfile;
import org.cusax.media.srtp.SrtpTransform;
import org.junit.jupiter.api.Test;

/**
 * {@link RtpSession} on 127.0.0.1: RFC 3550 §11 port pairs, RFC 4961 symmetric RTP, RFC 3264 §5.1
 * directions (§8.4: a re-negotiation to inactive applies between two ticks, nothing is sent after it),
 * RFC 3711 SRTP on the wire, RTCP reports, and robustness against junk datagrams.
 */
class RtpSessionTest {
    /** Long enough for a loaded 2-core machine; a fast one goes on as soon as the condition holds. */
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static NegotiatedMedia media(InetSocketAddress to, Direction direction, Optional<SrtpParameters> srtp) {
        return new NegotiatedMedia(to, new InetSocketAddress(to.getAddress(), to.getPort() + 1), PayloadFormat.PCMU,
                List.of(PayloadFormat.PCMU), Optional.of(PayloadFormat.telephoneEvent(101, 8000)), direction, false, srtp);
    }

    @Test
    void bindsAnEvenPortWithRtcpOnTheNext() throws Exception {
        int port;
        try (RtpSession s = RtpSession.bind(LOOPBACK, 0)) {
            port = s.localAddress().getPort();
            assertThat(port % 2).isZero();
            assertThat(s.localRtcpPort()).isEqualTo(port + 1);
            assertThatThrownBy(() -> RtpSession.bind(LOOPBACK, port)).isInstanceOf(BindException.class);
        }
        try (RtpSession again = RtpSession.bind(LOOPBACK, port)) {
            assertThat(again.localAddress().getPort()).as("ports released by close()").isEqualTo(port);
        }
        assertThatThrownBy(() -> RtpSession.bind(LOOPBACK, 5001)).hasMessageContaining("even");
    }

    @Test
    void symmetricRtpAnswersWherePacketsComeFrom() throws Exception {
        try (DatagramSocket wrong = new DatagramSocket(0, LOOPBACK); RtpSession a = RtpSession.bind(LOOPBACK, 0);
                RtpSession b = RtpSession.bind(LOOPBACK, 0)) {
            InetSocketAddress stale = new InetSocketAddress(LOOPBACK, wrong.getLocalPort());
            b.start(media(stale, Direction.SENDRECV, Optional.empty()), ToneSource.endless(500, 5000), new NullSink());
            a.start(media(b.localAddress(), Direction.SENDRECV, Optional.empty()), new SilenceSource(), new NullSink());
            await(() -> a.statistics().rtpPacketsReceived() >= 20);
            assertThat(b.remoteAddress()).contains(a.localAddress());
            assertThat(b.statistics().rtpPacketsReceived()).isPositive();
        }
    }

    @Test
    void withoutSymmetricRtpTheSdpAddressIsKept() throws Exception {
        try (DatagramSocket wrong = new DatagramSocket(0, LOOPBACK); RtpSession a = RtpSession.bind(LOOPBACK, 0);
                RtpSession b = RtpSession.bind(LOOPBACK, 0, RtpOptions.defaults().withSymmetric(false))) {
            InetSocketAddress stale = new InetSocketAddress(LOOPBACK, wrong.getLocalPort());
            b.start(media(stale, Direction.SENDRECV, Optional.empty()), new SilenceSource(), new NullSink());
            a.start(media(b.localAddress(), Direction.SENDRECV, Optional.empty()), new SilenceSource(), new NullSink());
            await(() -> b.statistics().rtpPacketsReceived() >= 20 && b.statistics().rtpPacketsSent() >= 20);
            assertThat(b.remoteAddress()).contains(stale);
            assertThat(a.statistics().rtpPacketsReceived()).isZero();
        }
    }

    @Test
    void inactiveSendsNothingUntilResumed() throws Exception {
        try (RtpSession a = RtpSession.bind(LOOPBACK, 0); RtpSession b = RtpSession.bind(LOOPBACK, 0)) {
            BufferSink heardByA = new BufferSink();
            a.start(media(b.localAddress(), Direction.INACTIVE, Optional.empty()), ToneSource.endless(800, 5000),
                    heardByA);
            b.start(media(a.localAddress(), Direction.SENDRECV, Optional.empty()), ToneSource.endless(800, 5000),
                    new NullSink());
            await(() -> a.statistics().rtpPacketsReceived() >= 25);
            assertThat(a.statistics().rtpPacketsSent()).isZero();
            assertThat(heardByA.samples()).isEmpty();
            a.update(media(b.localAddress(), Direction.SENDRECV, Optional.empty()));
            await(() -> b.statistics().rtpPacketsReceived() >= 10 && heardByA.samples().length > 0);
        }
    }

    @Test
    void updateTakesEffectBetweenTwoTicks() throws Exception {
        CountDownLatch inTick = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean holdNextRead = new AtomicBoolean();
        AudioSource source = frame -> {
            if (holdNextRead.compareAndSet(true, false)) {
                inTick.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Arrays.fill(frame, (short) 0);
            return true;
        };
        AtomicLong sentWhenUpdated = new AtomicLong(-1);
        try (DatagramSocket tap = new DatagramSocket(0, LOOPBACK);
                RtpSession a = RtpSession.bind(LOOPBACK, 0, RtpOptions.defaults().withRtcpIntervalTicks(1))) {
            InetSocketAddress to = new InetSocketAddress(LOOPBACK, tap.getLocalPort());
            a.start(media(to, Direction.SENDRECV, Optional.empty()), source, new NullSink());
            await(() -> a.statistics().rtpPacketsSent() >= 5);
            holdNextRead.set(true);
            assertThat(inTick.await(20, TimeUnit.SECONDS)).as("a tick reading its frame").isTrue();
            Thread hold = new Thread(() -> {
                try {
                    a.update(media(to, Direction.INACTIVE, Optional.empty()));
                    sentWhenUpdated.set(a.statistics().rtpPacketsSent());
                } catch (MediaStartException e) {
                    throw new IllegalStateException(e);
                }
            }, "test-hold");
            hold.start();
            assertThat(Eventually.holds(() -> hold.getState() == Thread.State.BLOCKED || !hold.isAlive(), WAIT))
                    .as("update() waiting for the tick in progress, or returned").isTrue();
            release.countDown();
            hold.join(20_000);
            assertThat(sentWhenUpdated.get()).as("update() returned").isPositive();
            long rtcp = a.statistics().rtcpPacketsSent();
            await(() -> a.statistics().rtcpPacketsSent() >= rtcp + 10); // ten more ticks (RTCP on every tick here)
            assertThat(a.statistics().rtpPacketsSent()).as("RTP sent after update() to inactive returned")
                    .isEqualTo(sentWhenUpdated.get());
        }
    }

    @Test
    void srtpIsEncryptedOnTheWireAndForeignKeysAreRejected() throws Exception {
        SrtpKey aKey = SrtpKey.generate();
        try (DatagramSocket tap = new DatagramSocket(0, LOOPBACK); RtpSession a = RtpSession.bind(LOOPBACK, 0)) {
            a.start(media(new InetSocketAddress(LOOPBACK, tap.getLocalPort()), Direction.SENDRECV,
                    Optional.of(new SrtpParameters(SrtpProfile.AES_CM_128_HMAC_SHA1_80, aKey, SrtpKey.generate()))),
                    ToneSource.endless(1000, 10_000), new NullSink());
            byte[] buf = new byte[2048];
            DatagramPacket dp = new DatagramPacket(buf, buf.length);
            tap.setSoTimeout(5000);
            tap.receive(dp);
            byte[] wire = Arrays.copyOf(buf, dp.getLength());
            assertThat(wire).hasSize(12 + 160 + 10);
            byte[] clear = SrtpTransform.receiver(SrtpProfile.AES_CM_128_HMAC_SHA1_80, aKey).unprotectRtp(wire);
            RtpPacket p = RtpPacket.parse(clear);
            assertThat(p.payloadType()).isZero();
            assertThat(Arrays.copyOfRange(wire, 12, 172)).isNotEqualTo(p.payload());
        }
        try (RtpSession a = RtpSession.bind(LOOPBACK, 0); RtpSession b = RtpSession.bind(LOOPBACK, 0)) {
            BufferSink heard = new BufferSink();
            b.start(media(a.localAddress(), Direction.RECVONLY, Optional.of(new SrtpParameters(
                    SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpKey.generate(), SrtpKey.generate()))), new SilenceSource(), heard);
            a.start(media(b.localAddress(), Direction.SENDONLY, Optional.of(new SrtpParameters(
                    SrtpProfile.AES_CM_128_HMAC_SHA1_80, aKey, SrtpKey.generate()))), ToneSource.endless(1000, 10_000),
                    new NullSink());
            await(() -> b.statistics().srtpFailures() >= 20);
            assertThat(b.statistics().rtpPacketsReceived()).isZero();
            assertThat(heard.samples()).isEmpty();
        }
    }

    @Test
    void junkDatagramsAreCountedAndMediaGoesOn() throws Exception {
        try (DatagramSocket junk = new DatagramSocket(0, LOOPBACK); RtpSession a = RtpSession.bind(LOOPBACK, 0);
                RtpSession b = RtpSession.bind(LOOPBACK, 0)) {
            b.start(media(a.localAddress(), Direction.SENDRECV, Optional.empty()), new SilenceSource(), new NullSink());
            byte[][] garbage = {new byte[3], {0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {(byte) 0x8F, 0, 0, 0},
                    {(byte) 0x80, 101, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1}, {(byte) 0x80, 96, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1}};
            for (byte[] g : garbage) {
                junk.send(new DatagramPacket(g, g.length, b.localAddress()));
                junk.send(new DatagramPacket(g, g.length, new InetSocketAddress(LOOPBACK, b.localRtcpPort())));
            }
            await(() -> b.statistics().malformedPackets() == 2L * garbage.length);
            assertThat(b.statistics().rtpPacketsReceived()).isZero();
            a.start(media(b.localAddress(), Direction.SENDRECV, Optional.empty()), new SilenceSource(), new NullSink());
            await(() -> b.statistics().rtpPacketsReceived() >= 20 && a.statistics().rtpPacketsReceived() >= 20);
            assertThat(b.remoteAddress()).as("junk did not capture symmetric RTP").contains(a.localAddress());
            assertThat(b.statistics().malformedPackets()).isEqualTo(2L * garbage.length);
        }
    }

    @Test
    void rtcpReportsFlowBothWays() throws Exception {
        RtpOptions fast = RtpOptions.defaults().withRtcpIntervalTicks(5);
        try (RtpSession a = RtpSession.bind(LOOPBACK, 0, fast); RtpSession b = RtpSession.bind(LOOPBACK, 0, fast)) {
            a.start(media(b.localAddress(), Direction.SENDRECV, Optional.empty()), new SilenceSource(), new NullSink());
            b.start(media(a.localAddress(), Direction.SENDRECV, Optional.empty()), new SilenceSource(), new NullSink());
            await(() -> a.statistics().rtcpPacketsReceived() >= 3 && b.statistics().rtcpPacketsReceived() >= 3);
            assertThat(a.statistics().malformedPackets()).isZero();
        }
    }

    @Test
    void misuseIsReportedClearly() throws Exception {
        RtpSession s = RtpSession.bind(LOOPBACK, 0);
        assertThatThrownBy(() -> s.sendDtmf("1")).hasMessageContaining("start");
        NegotiatedMedia noDtmf = new NegotiatedMedia(s.localAddress(), s.localAddress(), PayloadFormat.PCMA,
                List.of(PayloadFormat.PCMA), Optional.empty(), Direction.SENDRECV, true, Optional.empty());
        s.start(noDtmf, new SilenceSource(), new NullSink());
        assertThatThrownBy(() -> s.sendDtmf("1")).hasMessageContaining("telephone-event");
        assertThatThrownBy(() -> s.start(noDtmf, new SilenceSource(), new NullSink())).hasMessageContaining("already");
        s.close();
        s.close();
        assertThat(s.isClosed()).isTrue();
        assertThatThrownBy(() -> s.start(noDtmf, new SilenceSource(), new NullSink())).hasMessageContaining("closed");
    }

    private static void await(BooleanSupplier condition) {
        assertThat(Eventually.holds(condition, WAIT)).as("the expected packet counts").isTrue();
    }
}
