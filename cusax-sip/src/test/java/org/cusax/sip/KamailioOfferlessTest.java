package org.cusax.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cusax.sip.KamailioPeers.WAIT;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.cusax.core.account.Transport;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.EndReason;
import org.cusax.core.call.PlaySource;
import org.cusax.core.testing.CallRecorder;
import org.cusax.sip.call.CallMedia;
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
 * RFC 3261 §13.2.1 / RFC 3264 §5: an INVITE (or re-INVITE) without an offer, sent by sipp through a real Kamailio to our
 * client. We put our offer in the 200 OK and take the answer from the ACK; an ACK without an answer makes
 * us hang up (BYE) with a clear end reason.
 */
class KamailioOfferlessTest {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults().withProsody(false));

    private JainSipTelephonyPort bob;
    private final CallRecorder bobSees = new CallRecorder();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (bob != null) {
            bob.stop();
        }
    }

    private TestUser startBob() throws InterruptedException {
        TestUser user = KamailioPeers.newUser(TB.testbed(), "bobo");
        bob = KamailioPeers.port(TB.testbed(), user, Transport.UDP, KamailioPeers.settings());
        KamailioPeers.online(bob, bobSees);
        return user;
    }

    @Test
    @DisplayName("RFC 3264 §5: offer in our 200 OK, answer in the ACK; media runs as the ACK's answer says")
    void offerInTheOkAnswerInTheAck() throws Exception {
        TestUser user = startBob();
        var sipp = SippCaller.call(TB.testbed(), "offerless-invite.xml", user.name(), dir);
        CallRecorder.Seen incoming = bobSees.await("incoming", WAIT);
        bob.answer(incoming.callId(), AudioPlan.silent().playing(new PlaySource.Tone(1000)));
        bobSees.await("answered", WAIT);
        CallMedia media = bob.calls().orElseThrow().media(incoming.callId()).orElseThrow();
        assertThat(media.localSdp()).contains("m=audio").contains("a=sendrecv");
        assertThat(media.negotiated()).isPresent();
        assertThat(media.negotiated().get().sendFormat().encodingName()).isEqualTo("PCMU");
        assertThat(media.negotiated().get().remoteRtp().getAddress().getHostAddress()).isEqualTo("127.0.0.1");

        Command.Result result = sipp.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.output() + SippCaller.messages(dir, "offerless-invite.xml"))
                .isZero();
        assertThat(bobSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.HUNG_UP_REMOTELY);
        assertThat(media.statistics().rtpPacketsSent()).isPositive();
        assertThat(media.isClosed()).isTrue();
    }

    @Test
    @DisplayName("RFC 3264 §5: an ACK without the answer to our offer ends the call with BYE and a clear reason")
    void anAckWithoutAnswerEndsTheCall() throws Exception {
        TestUser user = startBob();
        var sipp = SippCaller.call(TB.testbed(), "offerless-invite-bad-ack.xml", user.name(), dir);
        CallRecorder.Seen incoming = bobSees.await("incoming", WAIT);
        CallMedia media = bob.calls().orElseThrow().media(incoming.callId()).orElseThrow();
        bob.answer(incoming.callId(), AudioPlan.silent());

        EndReason reason = bobSees.await("ended", WAIT).reason();
        assertThat(reason.kind()).isEqualTo(EndReason.Kind.NO_MEDIA);
        assertThat(reason.message()).contains("ACK").contains("answer");
        assertThat(bobSees.of("answered")).isEmpty();
        Command.Result result = sipp.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.output() + SippCaller.messages(dir, "offerless-invite-bad-ack.xml"))
                .isZero();
        assertThat(media.isClosed()).isTrue();
        assertThat(media.statistics().rtpPacketsSent()).isZero();
        assertThat(bob.calls().orElseThrow().media(incoming.callId())).as("an ended call is forgotten").isEmpty();
        assertThat(bob.calls().orElseThrow().liveCalls()).isZero();
        assertThat(bob.liveCalls()).isZero();
    }

    @Test
    @DisplayName("RFC 3261 §14.2 / RFC 3264 §5: a re-INVITE without SDP gets our offer; the ACK's sendonly answer holds us")
    void anOfferlessReinviteGetsOurOfferAndTheAckAnswers() throws Exception {
        TestUser user = startBob();
        var sipp = SippCaller.call(TB.testbed(), "offerless-reinvite.xml", user.name(), dir);
        CallRecorder.Seen incoming = bobSees.await("incoming", WAIT);
        bob.answer(incoming.callId(), AudioPlan.silent().playing(new PlaySource.Tone(1000)));
        bobSees.await("answered", WAIT);
        CallMedia media = bob.calls().orElseThrow().media(incoming.callId()).orElseThrow();

        CallRecorder.Seen held;
        try {
            held = bobSees.await("held", WAIT);
        } catch (AssertionError e) { // what sipp sent and received says why (a full run once saw its BYE instead)
            String output = Optional.ofNullable(sipp.getNow(null)).map(Command.Result::output)
                    .orElse("(still running)\n");
            throw new AssertionError(e.getMessage() + "\n--- sipp ---\n" + output
                    + SippCaller.messages(dir, "offerless-reinvite.xml"), e);
        }
        assertThat(held.detail()).isEqualTo("peer");
        assertThat(media.direction()).hasValue(org.cusax.media.sdp.Direction.RECVONLY);
        // RtpSession.update() returns between two ticks: from here on not one packet goes out (RFC 3264 §8.4)
        long sent = media.statistics().rtpPacketsSent();
        Command.Result result = sipp.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.output() + SippCaller.messages(dir, "offerless-reinvite.xml"))
                .isZero();
        assertThat(bobSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.HUNG_UP_REMOTELY);
        assertThat(media.statistics().rtpPacketsSent()).as("nothing sent while held").isEqualTo(sent);
    }
}
