package org.cusax.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cusax.sip.KamailioPeers.SETTLE;
import static org.cusax.sip.KamailioPeers.WAIT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.cusax.core.account.Transport;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.CallRequest;
import org.cusax.core.call.EndReason;
import org.cusax.core.config.SipSettings;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.testing.CallRecorder;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.process.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
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

    private static int users;
    private JainSipTelephonyPort alice;
    private JainSipTelephonyPort bob;
    private final CallRecorder aliceSees = new CallRecorder();
    private final CallRecorder bobSees = new CallRecorder();
    private TestUser bobUser;

    @TempDir
    Path dir;

    private static synchronized TestUser newUser(String name) {
        return TB.testbed().createUser(name + "t" + ++users);
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

    private void startBoth(SipSettings aliceSettings, SipSettings bobSettings) throws InterruptedException {
        alice = KamailioPeers.port(TB.testbed(), newUser("alice"), Transport.UDP, aliceSettings);
        bobUser = newUser("bob");
        bob = KamailioPeers.port(TB.testbed(), bobUser, Transport.UDP, bobSettings);
        alice.start(aliceSees);
        bob.start(bobSees);
        aliceSees.status.await(ConnectionState.ONLINE, SETTLE);
        bobSees.status.await(ConnectionState.ONLINE, SETTLE);
    }

    private String call() {
        return alice.placeCall(new CallRequest(UUID.randomUUID().toString(), bobUser.sipAor(), AudioPlan.silent()));
    }

    @Test
    @DisplayName("RFC 3261 §21.6.2: the callee declines with 603; the caller's call ends DECLINED/603")
    void declineEndsTheCallerSideWith603() throws Exception {
        startBoth(KamailioPeers.settings(), KamailioPeers.settings());
        String call = call();
        CallRecorder.Seen incoming = bobSees.await("incoming", WAIT);
        bob.reject(incoming.callId(), 603);
        CallRecorder.Seen ended = aliceSees.await("ended", WAIT);
        assertThat(ended.callId()).isEqualTo(call);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.DECLINED);
        assertThat(ended.reason().sipStatus()).hasValue(603);
        assertThat(bobSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.REJECTED_LOCALLY);
    }

    @Test
    @DisplayName("RFC 3261 §9.1: an outgoing call unanswered within the ring timeout is cancelled and ends NO_ANSWER")
    void theCallerGivesUpAfterTheRingTimeout() throws Exception {
        startBoth(KamailioPeers.settings().withCallTimeouts(SHORT, SipSettings.DEFAULT_ACK_TIMEOUT),
                KamailioPeers.settings().withCallTimeouts(LONG, SipSettings.DEFAULT_ACK_TIMEOUT));
        String call = call();
        bobSees.await("incoming", WAIT);
        aliceSees.await("ringing", WAIT);
        CallRecorder.Seen ended = aliceSees.await("ended", WAIT);
        assertThat(ended.callId()).isEqualTo(call);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.NO_ANSWER);
        assertThat(ended.reason().message()).contains("sip.call.ring-timeout");
        assertThat(bobSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.CANCELLED);
    }

    @Test
    @DisplayName("RFC 3261 §21.4.18: an incoming call nobody acts on within the ring timeout is refused with 480")
    void theCalleeRefusesWith480AfterTheRingTimeout() throws Exception {
        startBoth(KamailioPeers.settings().withCallTimeouts(LONG, SipSettings.DEFAULT_ACK_TIMEOUT),
                KamailioPeers.settings().withCallTimeouts(SHORT, SipSettings.DEFAULT_ACK_TIMEOUT));
        String call = call();
        bobSees.await("incoming", WAIT);
        CallRecorder.Seen bobEnded = bobSees.await("ended", WAIT);
        assertThat(bobEnded.reason().kind()).isEqualTo(EndReason.Kind.NO_ANSWER);
        assertThat(bobEnded.reason().sipStatus()).hasValue(480);
        CallRecorder.Seen ended = aliceSees.await("ended", WAIT);
        assertThat(ended.callId()).isEqualTo(call);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.UNAVAILABLE);
        assertThat(ended.reason().sipStatus()).hasValue(480);
    }

    @Test
    @DisplayName("RFC 3261 §13.3.1.4: no ACK for our 200 OK within Timer H: we hang up with BYE and say why")
    void aMissingAckEndsTheCallWithBye() throws Exception {
        TestUser user = newUser("bob");
        bob = KamailioPeers.port(TB.testbed(), user, Transport.UDP,
                KamailioPeers.settings().withCallTimeouts(LONG, SHORT));
        bob.start(bobSees);
        bobSees.status.await(ConnectionState.ONLINE, SETTLE);
        var sipp = SippCaller.call(TB.testbed(), "no-ack.xml", user.name(), dir);
        CallRecorder.Seen incoming = bobSees.await("incoming", WAIT);
        bob.answer(incoming.callId(), AudioPlan.silent());

        EndReason reason = bobSees.await("ended", WAIT).reason();
        assertThat(reason.kind()).isEqualTo(EndReason.Kind.FAILED);
        assertThat(reason.message()).contains("ACK");
        assertThat(bobSees.of("answered")).isEmpty();
        Command.Result result = sipp.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.output() + SippCaller.messages(dir, "no-ack.xml")).isZero();
        assertThat(bob.calls().orElseThrow().media(incoming.callId()).orElseThrow().isClosed()).isTrue();
    }
}
