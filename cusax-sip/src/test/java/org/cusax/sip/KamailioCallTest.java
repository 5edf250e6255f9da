package org.cusax.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.account.Protocol;
import org.cusax.core.account.Secret;
import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.ServerEndpoint;
import org.cusax.core.account.Transport;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;
import org.cusax.core.call.CallRequest;
import org.cusax.core.call.EndReason;
import org.cusax.core.call.PlaySource;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.SipSettings;
import org.cusax.core.connection.Backoff;
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
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.WavFileSource;
import org.cusax.media.rtp.RtpStatistics;
import org.cusax.sip.call.CallMedia;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.kamailio.DigestAlgorithm;
import org.cusax.testbed.kamailio.KamailioServer;
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
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults().withProsody(false)
            .withDigestAlgorithm(DigestAlgorithm.SHA_256));

    private static int users;
    private JainSipTelephonyPort alice;
    private JainSipTelephonyPort bob;
    private final CallRecorder aliceSees = new CallRecorder();
    private final CallRecorder bobSees = new CallRecorder();
    private TestUser bobUser;

    @TempDir
    Path dir;

    private static synchronized TestUser newUser(String name) {
        return TB.testbed().createUser(name + ++users);
    }

    private void startBoth(Transport transport) throws InterruptedException {
        alice = port(newUser("alice"), transport);
        bobUser = newUser("bob");
        bob = port(bobUser, transport);
        alice.start(aliceSees);
        bob.start(bobSees);
        aliceSees.status.await(ConnectionState.ONLINE, SETTLE);
        bobSees.status.await(ConnectionState.ONLINE, SETTLE);
    }

    @AfterEach
    void stop() {
        if (alice != null) {
            alice.stop();
        }
        if (bob != null) {
            bob.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TLS"})
    void aToneAndDtmfArriveAndTrafficStopsAfterHangUp(Transport transport) throws Exception {
        startBoth(transport);
        Path recording = dir.resolve("bob-" + transport + ".wav");
        String call = alice.placeCall(new CallRequest(UUID.randomUUID().toString(), bobUser.sipAor(),
                AudioPlan.silent().playing(new PlaySource.Tone(1000))));

        CallRecorder.Seen incoming = bobSees.await("incoming", WAIT);
        assertThat(incoming.detail()).contains("alice");
        aliceSees.await("ringing", WAIT);
        bob.answer(incoming.callId(), AudioPlan.silent().recordingTo(recording));
        aliceSees.await("answered", WAIT);
        bobSees.await("answered", WAIT);

        CallMedia aliceMedia = alice.calls().orElseThrow().media(call).orElseThrow();
        CallMedia bobMedia = bob.calls().orElseThrow().media(incoming.callId()).orElseThrow();
        if (transport == Transport.TLS) {
            assertThat(aliceMedia.localSdp()).contains("RTP/SAVP").contains("a=crypto:");
            assertThat(bobMedia.localSdp()).contains("RTP/SAVP").contains("a=crypto:");
            assertThat(aliceMedia.negotiated().orElseThrow().isSecure()).isTrue();
            assertThat(bobMedia.negotiated().orElseThrow().isSecure()).isTrue();
        }

        Thread.sleep(2000); // let two seconds of tone flow
        alice.sendDtmf(call, "123");
        for (char digit : "123".toCharArray()) {
            bobSees.await(s -> s.kind().equals("dtmf") && s.detail().equals(String.valueOf(digit)), WAIT);
        }
        assertThat(bobSees.of("dtmf")).extracting(CallRecorder.Seen::detail).containsExactly("1", "2", "3");

        alice.hangUp(call);
        assertThat(aliceSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.HUNG_UP_LOCALLY);
        assertThat(bobSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.HUNG_UP_REMOTELY);

        RtpStatistics aliceAfter = aliceMedia.statistics();
        RtpStatistics bobAfter = bobMedia.statistics();
        assertThat(aliceAfter.rtpPacketsSent()).isPositive();
        assertThat(aliceAfter.dtmfPacketsSent()).isPositive();
        assertThat(bobAfter.rtpPacketsReceived()).isPositive();
        assertThat(bobAfter.srtpFailures()).isZero();
        assertThat(aliceMedia.isClosed()).isTrue();
        assertThat(bobMedia.isClosed()).isTrue();
        Thread.sleep(500);
        assertThat(aliceMedia.statistics().totalPackets()).isEqualTo(aliceAfter.totalPackets());
        assertThat(bobMedia.statistics().totalPackets()).isEqualTo(bobAfter.totalPackets());

        short[] pcm = WavFileSource.readAll(recording);
        assertThat(Files.size(recording)).isPositive();
        assertThat(SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE)).isBetween(980.0, 1020.0);
        assertThat(SignalAnalysis.rms(pcm)).isGreaterThan(1000.0);
        Duration active = SignalAnalysis.activeDuration(pcm, Pcm.SAMPLE_RATE);
        // the tone was heard for most of the call; that nothing flows after hang-up is checked by the counters
        assertThat(active).isGreaterThan(Duration.ofMillis(1500));
    }

    @Test
    void busyEndsTheCallerSideWith486() throws Exception {
        startBoth(Transport.UDP);
        String call = alice.placeCall(new CallRequest(UUID.randomUUID().toString(), bobUser.sipAor(),
                AudioPlan.silent()));
        CallRecorder.Seen incoming = bobSees.await("incoming", WAIT);
        bob.reject(incoming.callId(), 486);
        CallRecorder.Seen ended = aliceSees.await("ended", WAIT);
        assertThat(ended.callId()).isEqualTo(call);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.BUSY);
        assertThat(ended.reason().sipStatus()).hasValue(486);
        assertThat(alice.calls().orElseThrow().media(call).orElseThrow().isClosed()).isTrue();
    }

    @Test
    void cancellingWhileRingingEndsBothSidesWith487() throws Exception {
        startBoth(Transport.TCP);
        String call = alice.placeCall(new CallRequest(UUID.randomUUID().toString(), bobUser.sipAor(),
                AudioPlan.silent()));
        CallRecorder.Seen incoming = bobSees.await("incoming", WAIT);
        aliceSees.await("ringing", WAIT);
        alice.hangUp(call);
        CallRecorder.Seen ended = aliceSees.await("ended", WAIT);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.CANCELLED);
        assertThat(ended.reason().sipStatus()).hasValue(487);
        assertThat(bobSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.CANCELLED);
        assertThat(bob.calls().orElseThrow().media(incoming.callId()).orElseThrow().isClosed()).isTrue();
    }

    @Test
    void theCommandApiReportsTheCallAsEvents() throws Exception {
        TestUser a = newUser("alice");
        TestUser b = newUser("bob");
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
        Account account = account(user, Transport.UDP);
        return new CusaxClient(new CusaxLink(Optional.of(account), Optional.empty()), Optional.empty(),
                Optional.of(port(account, user)), new EventBus());
    }

    private static JainSipTelephonyPort port(TestUser user, Transport transport) {
        return port(account(user, transport), user);
    }

    private static JainSipTelephonyPort port(Account account, TestUser user) {
        SipSettings settings = new SipSettings("", "cusax-test/1", "127.0.0.1", 0, Duration.ofSeconds(600),
                Duration.ofSeconds(5), 65536, List.of("SHA-256", "MD5"), Duration.ofSeconds(8), true);
        return new JainSipTelephonyPort(account, settings,
                new Backoff(Duration.ofMillis(300), Duration.ofSeconds(2), 2.0, 0.5), Optional.of(user.jid()));
    }

    private static Account account(TestUser user, Transport transport) {
        Testbed tb = TB.testbed();
        KamailioServer k = tb.kamailio();
        int serverPort = switch (transport) {
            case UDP -> k.udpPort();
            case TCP -> k.tcpPort();
            case TLS -> k.tlsPort();
        };
        SecuritySettings security = new SecuritySettings(Optional.of(tb.caCertificate()), Optional.empty(), "TLSv1.2",
                transport == Transport.TLS);
        return new Account(Protocol.SIP, user.sipAor(), user.name(), Secret.of(user.password()), tb.domain(),
                new ServerEndpoint(k.host(), serverPort, transport), security, Features.telephonyDefaults());
    }
}
