package org.cusax.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cusax.sip.KamailioPeers.SETTLE;
import static org.cusax.sip.KamailioPeers.WAIT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.cusax.core.account.Account;
import org.cusax.core.account.Transport;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;
import org.cusax.core.call.EndReason;
import org.cusax.core.call.PlaySource;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.event.CallAnswered;
import org.cusax.core.event.CallEnded;
import org.cusax.core.event.CallRinging;
import org.cusax.core.event.DtmfReceived;
import org.cusax.core.event.EventBus;
import org.cusax.core.event.IncomingCall;
import org.cusax.core.service.CusaxLink;
import org.cusax.core.testing.CallRecorder;
import org.cusax.core.testing.EventRecorder;
import org.cusax.media.rtp.RtpStatistics;
import org.cusax.sip.call.CallMedia;
import org.cusax.sip.testing.CallAudio;
import org.cusax.sip.testing.CallPair;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.kamailio.DigestAlgorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Calls between two of our clients through a real Kamailio 5.6 (cusax-testbed): RFC 3261 §13 INVITE
 * with the proxy's 407 challenge (RFC 8760 SHA-256 digest), §13.2.2.4 ACK along the record-routed
 * dialog, §15 BYE, §9 CANCEL → 487, §21.4.24 486 Busy Here; RFC 3264 offer/answer, RFC 4733 DTMF, and
 * RFC 4568/3711 SRTP whenever SIP runs over TLS. The audio that arrives is checked by analysis; one
 * test drives the same through the core's command/event API (RFC 7081 §4: calls on the SIP half).
 */
class KamailioCallTest {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults().withProsody(false)
            .withDigestAlgorithm(DigestAlgorithm.SHA_256));

    private CallPair peers;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TLS"})
    void aToneAndDtmfArriveAndTrafficStopsAfterHangUp(Transport transport) throws Exception {
        peers = KamailioPeers.pair(TB.testbed(), transport);
        Path recording = dir.resolve("bob-" + transport + ".wav");
        String id = peers.call(AudioPlan.silent().playing(new PlaySource.Tone(1000)));

        assertThat(peers.bobSees.await("incoming", WAIT).detail()).contains("alice");
        peers.aliceSees.await("ringing", WAIT);
        CallPair.Connected call = peers.answer(id, AudioPlan.silent().recordingTo(recording));
        CallMedia aliceMedia = call.aliceMedia();
        CallMedia bobMedia = call.bobMedia();
        if (transport == Transport.TLS) {
            assertThat(aliceMedia.localSdp()).contains("RTP/SAVP").contains("a=crypto:");
            assertThat(bobMedia.localSdp()).contains("RTP/SAVP").contains("a=crypto:");
            assertThat(aliceMedia.negotiated().orElseThrow().isSecure()).isTrue();
            assertThat(bobMedia.negotiated().orElseThrow().isSecure()).isTrue();
        }

        CallPair.awaitReceived("two seconds of tone at bob", bobMedia, 100);
        peers.sendDtmf(call, "123");
        peers.aliceHangsUp(call);
        CallPair.awaitMediaStopped(call); // every media thread of both sides ended: the counters are final

        RtpStatistics aliceAfter = aliceMedia.statistics();
        RtpStatistics bobAfter = bobMedia.statistics();
        assertThat(aliceAfter.rtpPacketsSent()).isPositive();
        assertThat(aliceAfter.dtmfPacketsSent()).isPositive();
        assertThat(bobAfter.rtpPacketsReceived()).isGreaterThanOrEqualTo(100);
        assertThat(bobAfter.srtpFailures()).isZero();

        // the tone was heard for most of the call; that nothing flows after hang-up is checked by the counters
        CallAudio.assertToneRecorded(recording, 1000, Duration.ofMillis(1500));
        assertThat(aliceMedia.statistics().totalPackets()).isEqualTo(aliceAfter.totalPackets());
        assertThat(bobMedia.statistics().totalPackets()).isEqualTo(bobAfter.totalPackets());
    }

    @Test
    void busyEndsTheCallerSideWith486() throws Exception {
        peers = KamailioPeers.pair(TB.testbed(), Transport.UDP);
        String call = peers.call(AudioPlan.silent());
        CallMedia aliceMedia = peers.alice.calls().orElseThrow().media(call).orElseThrow();
        CallRecorder.Seen incoming = peers.bobSees.await("incoming", WAIT);
        peers.bob.reject(incoming.callId(), 486);
        CallRecorder.Seen ended = peers.aliceSees.await("ended", WAIT);
        assertThat(ended.callId()).isEqualTo(call);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.BUSY);
        assertThat(ended.reason().sipStatus()).hasValue(486);
        assertThat(aliceMedia.isClosed()).isTrue();
        assertThat(peers.alice.calls().orElseThrow().media(call)).as("an ended call is forgotten").isEmpty();
        assertThat(peers.alice.calls().orElseThrow().liveCalls()).isZero();
        assertThat(peers.bob.calls().orElseThrow().liveCalls()).isZero();
    }

    @Test
    void cancellingWhileRingingEndsBothSidesWith487() throws Exception {
        peers = KamailioPeers.pair(TB.testbed(), Transport.TCP);
        String call = peers.call(AudioPlan.silent());
        CallRecorder.Seen incoming = peers.bobSees.await("incoming", WAIT);
        CallMedia bobMedia = peers.bob.calls().orElseThrow().media(incoming.callId()).orElseThrow();
        peers.aliceSees.await("ringing", WAIT);
        peers.alice.hangUp(call);
        CallRecorder.Seen ended = peers.aliceSees.await("ended", WAIT);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.CANCELLED);
        assertThat(ended.reason().sipStatus()).hasValue(487);
        assertThat(peers.bobSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.CANCELLED);
        assertThat(bobMedia.isClosed()).isTrue();
        assertThat(peers.bob.calls().orElseThrow().media(incoming.callId())).as("an ended call is forgotten").isEmpty();
        assertThat(peers.bob.calls().orElseThrow().liveCalls()).isZero();
        assertThat(peers.bob.liveCalls()).isZero();
    }

    @Test
    void theCommandApiReportsTheCallAsEvents() throws Exception {
        TestUser a = KamailioPeers.newUser(TB.testbed(), "alice");
        TestUser b = KamailioPeers.newUser(TB.testbed(), "bob");
        EventRecorder aliceEvents = new EventRecorder();
        EventRecorder bobEvents = new EventRecorder();
        try (CusaxClient aliceClient = client(a);
             CusaxClient bobClient = client(b)) {
            aliceClient.subscribe(aliceEvents);
            bobClient.subscribe(bobEvents);
            bobClient.subscribe(event -> {
                if (event instanceof IncomingCall in) {
                    bobClient.answer(in.call().id(), AudioPlan.silent());
                }
            });
            aliceClient.start();
            bobClient.start();
            assertThat(aliceClient.awaitSettled(SETTLE).telephony().state()).isEqualTo(ConnectionState.ONLINE);
            assertThat(bobClient.awaitSettled(SETTLE).telephony().state()).isEqualTo(ConnectionState.ONLINE);

            Call call = aliceClient.placeCall(b.sipAor(), AudioPlan.silent().playing(new PlaySource.Tone(440)));
            assertThat(bobEvents.await(IncomingCall.class, e -> true, WAIT).call().remote()).contains(a.name());
            aliceEvents.await(CallRinging.class, e -> e.call().id().equals(call.id()), WAIT);
            aliceEvents.await(CallAnswered.class, e -> e.call().id().equals(call.id()), WAIT);
            bobEvents.await(CallAnswered.class, e -> true, WAIT);
            aliceClient.sendDtmf(call.id(), "9");
            assertThat(bobEvents.await(DtmfReceived.class, e -> true, WAIT).digit()).isEqualTo('9');
            aliceClient.hangUp(call.id());
            CallEnded mine = aliceEvents.await(CallEnded.class, e -> true, WAIT);
            assertThat(mine.reason().kind()).isEqualTo(EndReason.Kind.HUNG_UP_LOCALLY);
            assertThat(mine.duration()).isPositive();
            assertThat(bobEvents.await(CallEnded.class, e -> true, WAIT).reason().kind())
                    .isEqualTo(EndReason.Kind.HUNG_UP_REMOTELY);
            assertThat(aliceClient.calls()).singleElement()
                    .satisfies(c -> assertThat(c.state()).isEqualTo(CallState.ENDED));
        }
    }

    private static CusaxClient client(TestUser user) {
        Account account = KamailioPeers.account(TB.testbed(), user, Transport.UDP);
        return new CusaxClient(new CusaxLink(Optional.of(account), Optional.empty()), Optional.empty(),
                Optional.of(KamailioPeers.port(TB.testbed(), user, Transport.UDP, KamailioPeers.settings())),
                new EventBus());
    }
}
