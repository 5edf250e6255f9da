package org.cusax.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cusax.sip.KamailioPeers.WAIT;

import org.cusax.core.account.Transport;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.EndReason;
import org.cusax.core.testing.CallRecorder;
import org.cusax.sip.testing.CallPair;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every way of stopping ends live calls first, seen by the other party through a real Kamailio: BYE for an
 * answered call (RFC 3261 §15.1.1), CANCEL for our ringing call (§9.1), 480 for a call ringing at us
 * (§21.4.18), each before the un-REGISTER.
 */
class KamailioStopTest {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults().withProsody(false));

    private CallPair peers;

    @AfterEach
    void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    private void startBoth() throws InterruptedException {
        peers = KamailioPeers.pair(TB.testbed(), Transport.UDP, KamailioPeers.settings(), KamailioPeers.settings());
    }

    @Test
    @DisplayName("RFC 3261 §15.1.1: the caller stops during an answered call: the callee gets a BYE")
    void stoppingHangsUpAnsweredCalls() throws Exception {
        startBoth();
        peers.connect(AudioPlan.silent(), AudioPlan.silent());
        peers.alice.stop();
        CallRecorder.Seen ended = peers.bobSees.await("ended", WAIT);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.HUNG_UP_REMOTELY);
        assertThat(peers.aliceSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.HUNG_UP_LOCALLY);
        assertThat(peers.alice.liveCalls()).isZero();
        assertThat(peers.bob.liveCalls()).isZero();
    }

    @Test
    @DisplayName("RFC 3261 §9.1: the caller stops while the call rings: the callee's call is CANCELled")
    void stoppingCancelsRingingCalls() throws Exception {
        startBoth();
        peers.call(AudioPlan.silent());
        peers.aliceSees.await("ringing", WAIT);
        peers.alice.stop();
        assertThat(peers.bobSees.await("ended", WAIT).reason().kind()).isEqualTo(EndReason.Kind.CANCELLED);
    }

    @Test
    @DisplayName("RFC 3261 §21.4.18: the callee stops while a call rings at it: the caller gets 480")
    void stoppingRefusesIncomingRingingCalls() throws Exception {
        startBoth();
        peers.call(AudioPlan.silent());
        peers.bobSees.await("incoming", WAIT);
        peers.bob.stop();
        CallRecorder.Seen ended = peers.aliceSees.await("ended", WAIT);
        assertThat(ended.reason().sipStatus()).hasValue(480);
    }
}
