package org.cusax.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cusax.sip.KamailioPeers.WAIT;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.cusax.core.account.Transport;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.EndReason;
import org.cusax.core.testing.CallRecorder;
import org.cusax.media.sdp.NegotiatedMedia;
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
 * Session refreshes from a foreign UA (sipp) through a real Kamailio: RFC 4028 Session-Expires/Min-SE in the
 * INVITE are tolerated, a re-INVITE with the same SDP (o= version unchanged, RFC 3264 §8) is answered 200
 * with our SDP as it was and the media left alone, and an UPDATE without a body (RFC 3311 §5.2) gets 200.
 */
class KamailioSessionRefreshTest {
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

    @Test
    @DisplayName("RFC 4028 + RFC 3264 §8 + RFC 3311: refresh re-INVITE and body-less UPDATE get 200, media untouched")
    void refreshesAreAnsweredAndChangeNothing() throws Exception {
        TestUser user = KamailioPeers.newUser(TB.testbed(), "bobr");
        bob = KamailioPeers.port(TB.testbed(), user, Transport.UDP, KamailioPeers.settings());
        KamailioPeers.online(bob, bobSees);

        var sipp = SippCaller.call(TB.testbed(), "session-refresh.xml", user.name(), dir);
        CallRecorder.Seen incoming = bobSees.await("incoming", WAIT);
        bob.answer(incoming.callId(), AudioPlan.silent());
        bobSees.await("answered", WAIT);
        CallMedia media = bob.calls().orElseThrow().media(incoming.callId()).orElseThrow();
        String answer = media.localSdp();
        NegotiatedMedia negotiated = media.negotiated().orElseThrow();

        Command.Result result = sipp.get(60, TimeUnit.SECONDS);
        String messages = SippCaller.messages(dir, "session-refresh.xml");
        assertThat(result.exitCode()).as(result.output() + messages).isZero();
        assertThat(bobSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.HUNG_UP_REMOTELY);
        assertThat(media.localSdp()).isEqualTo(answer);
        assertThat(media.negotiated().orElseThrow()).isSameAs(negotiated);
        assertThat(bobSees.of("held")).isEmpty();
        String origin = answer.lines().filter(l -> l.startsWith("o=")).findFirst().orElseThrow();
        // our SDP went out twice, unchanged: in the 200 to the INVITE and in the 200 to the refresh re-INVITE
        assertThat(messages.split(java.util.regex.Pattern.quote(origin), -1).length - 1).isGreaterThanOrEqualTo(2);
    }
}
