package org.cusax.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cusax.sip.KamailioPeers.WAIT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.cusax.core.account.Transport;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.EndReason;
import org.cusax.core.config.SipSettings;
import org.cusax.core.testing.CallRecorder;
import org.cusax.sip.testing.CallPair;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.process.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.cusax.sip.call.CallMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How calls end without a conversation, through a real Kamailio: 603 Decline (RFC 3261 §21.6.2), the ring
 * timeout (sip.call.ring-timeout: the caller CANCELs, RFC 3261 §9.1; the callee refuses with 480, §21.4.18)
 * and a 200 OK never acknowledged (Timer H, §13.3.1.4: we hang up with BYE). Timeouts are configured small;
 * nothing is asserted about elapsed time.
 */
class KamailioCallTimeoutTest {
    private static final Duration SHORT = Duration.ofSeconds(2);
    private static final Duration LONG = Duration.ofSeconds(120);

    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults().withProsody(false));

    private CallPair peers;
    private JainSipTelephonyPort callee;
    private final CallRecorder calleeSees = new CallRecorder();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (peers != null) {
            peers.close();
        }
        if (callee != null) {
            callee.stop();
        }
    }

    private void startBoth(SipSettings aliceSettings, SipSettings bobSettings) throws InterruptedException {
        peers = KamailioPeers.pair(TB.testbed(), Transport.UDP, aliceSettings, bobSettings);
    }

    @Test
    @DisplayName("RFC 3261 §21.6.2: the callee declines with 603; the caller's call ends DECLINED/603")
    void declineEndsTheCallerSideWith603() throws Exception {
        startBoth(KamailioPeers.settings(), KamailioPeers.settings());
        String call = peers.call(AudioPlan.silent());
        CallRecorder.Seen incoming = peers.bobSees.await("incoming", WAIT);
        peers.bob.reject(incoming.callId(), 603);
        CallRecorder.Seen ended = peers.aliceSees.await("ended", WAIT);
        assertThat(ended.callId()).isEqualTo(call);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.DECLINED);
        assertThat(ended.reason().sipStatus()).hasValue(603);
        assertThat(peers.bobSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.REJECTED_LOCALLY);
    }

    @Test
    @DisplayName("RFC 3261 §9.1: an outgoing call unanswered within the ring timeout is cancelled and ends NO_ANSWER")
    void theCallerGivesUpAfterTheRingTimeout() throws Exception {
        startBoth(KamailioPeers.settings().withCallTimeouts(SHORT, SipSettings.DEFAULT_ACK_TIMEOUT),
                KamailioPeers.settings().withCallTimeouts(LONG, SipSettings.DEFAULT_ACK_TIMEOUT));
        String call = peers.call(AudioPlan.silent());
        peers.bobSees.await("incoming", WAIT);
        peers.aliceSees.await("ringing", WAIT);
        CallRecorder.Seen ended = peers.aliceSees.await("ended", WAIT);
        assertThat(ended.callId()).isEqualTo(call);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.NO_ANSWER);
        assertThat(ended.reason().message()).contains("sip.call.ring-timeout");
        assertThat(peers.bobSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.CANCELLED);
    }

    @Test
    @DisplayName("RFC 3261 §21.4.18: an incoming call nobody acts on within the ring timeout is refused with 480")
    void theCalleeRefusesWith480AfterTheRingTimeout() throws Exception {
        startBoth(KamailioPeers.settings().withCallTimeouts(LONG, SipSettings.DEFAULT_ACK_TIMEOUT),
                KamailioPeers.settings().withCallTimeouts(SHORT, SipSettings.DEFAULT_ACK_TIMEOUT));
        String call = peers.call(AudioPlan.silent());
        peers.bobSees.await("incoming", WAIT);
        CallRecorder.Seen bobEnded = peers.bobSees.await("ended", WAIT);
        assertThat(bobEnded.reason().kind()).isEqualTo(EndReason.Kind.NO_ANSWER);
        assertThat(bobEnded.reason().sipStatus()).hasValue(480);
        CallRecorder.Seen ended = peers.aliceSees.await("ended", WAIT);
        assertThat(ended.callId()).isEqualTo(call);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.UNAVAILABLE);
        assertThat(ended.reason().sipStatus()).hasValue(480);
    }

    @Test
    @DisplayName("RFC 3261 §13.3.1.4: no ACK for our 200 OK within Timer H: we hang up with BYE and say why")
    void aMissingAckEndsTheCallWithBye() throws Exception {
        TestUser user = KamailioPeers.newUser(TB.testbed(), "bob");
        callee = KamailioPeers.port(TB.testbed(), user, Transport.UDP,
                KamailioPeers.settings().withCallTimeouts(LONG, SHORT));
        KamailioPeers.online(callee, calleeSees);
        var sipp = SippCaller.call(TB.testbed(), "no-ack.xml", user.name(), dir);
        CallRecorder.Seen incoming = calleeSees.await("incoming", WAIT);
        CallMedia media = callee.calls().orElseThrow().media(incoming.callId()).orElseThrow();
        callee.answer(incoming.callId(), AudioPlan.silent());

        EndReason reason = calleeSees.await("ended", WAIT).reason();
        assertThat(reason.kind()).isEqualTo(EndReason.Kind.FAILED);
        assertThat(reason.message()).contains("ACK");
        assertThat(calleeSees.of("answered")).isEmpty();
        Command.Result result = sipp.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.output() + SippCaller.messages(dir, "no-ack.xml")).isZero();
        assertThat(media.isClosed()).isTrue();
        assertThat(callee.calls().orElseThrow().media(incoming.callId())).as("an ended call is forgotten").isEmpty();
        assertThat(callee.calls().orElseThrow().liveCalls()).isZero();
        assertThat(callee.liveCalls()).isZero();
    }
}
