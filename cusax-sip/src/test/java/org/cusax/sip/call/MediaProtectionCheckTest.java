package org.cusax.sip.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.cusax.core.call.EndReason;
import org.cusax.core.port.TelephonyCallbacks;
import org.cusax.core.security.MediaDecision;
import org.cusax.core.security.SecurityGuard;
import org.cusax.core.security.SecurityProfile;
import org.cusax.core.connection.ConnectionStatus;
import org.junit.jupiter.api.Test;

/**
 * RFC 7081 §7 applied to a call: the SIP half asks the core's security guard whether SRTP is required and
 * hands it every negotiated call (RFC 4568 SDES or plain RTP); a refusal is an INSECURE_MEDIA end with 488.
 */
class MediaProtectionCheckTest {
    private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();

    /** The core's side of the port, with a real guard, recording what it was asked. */
    private static final class GuardedCallbacks implements TelephonyCallbacks {
        final SecurityGuard guard;
        final List<MediaDecision> asked = new ArrayList<>();

        GuardedCallbacks(SecurityProfile profile) {
            guard = new SecurityGuard(profile);
        }

        @Override
        public void onStatus(ConnectionStatus status) {
        }

        @Override
        public boolean srtpRequired(boolean signallingEncrypted) {
            return guard.srtpRequired(signallingEncrypted);
        }

        @Override
        public MediaDecision onMediaProtection(String callId, boolean signallingEncrypted, boolean srtp) {
            MediaDecision d = guard.checkMedia(signallingEncrypted, srtp);
            asked.add(d);
            return d;
        }
    }

    private static String plainOffer() throws Exception {
        try (CallMedia plain = CallMedia.open(LOCAL, false, d -> { })) {
            return plain.offer().replaceAll("a=crypto:[^\\r\\n]*\\r?\\n", "");
        }
    }

    @Test
    void underMatchedOverTlsAPlainOfferIsRefusedByTheGuardWith488AndTheReason() throws Exception {
        GuardedCallbacks core = new GuardedCallbacks(SecurityProfile.MATCHED);
        MediaProtectionCheck check = new MediaProtectionCheck(core, true);
        assertThat(check.srtpRequired()).isTrue();
        String offer = plainOffer();
        assertThat(offer).doesNotContain("a=crypto");
        EndReason refused = check.lacksRequiredSrtp("c1", offer).orElseThrow();
        assertThat(refused.kind()).isEqualTo(EndReason.Kind.INSECURE_MEDIA);
        assertThat(refused.sipStatus().getAsInt()).isEqualTo(488);
        assertThat(refused.message()).contains("plain RTP while its signalling uses TLS");
        assertThat(core.asked).singleElement().satisfies(d -> assertThat(d.allowed()).isFalse());
    }

    @Test
    void anSrtpOfferPassesAndItsNegotiatedMediaIsJudgedSecure() throws Exception {
        GuardedCallbacks core = new GuardedCallbacks(SecurityProfile.MATCHED);
        MediaProtectionCheck check = new MediaProtectionCheck(core, true);
        try (CallMedia caller = CallMedia.open(LOCAL, true, d -> { });
             CallMedia callee = CallMedia.open(LOCAL, check.srtpRequired(), d -> { })) {
            String offer = caller.offer();
            assertThat(check.lacksRequiredSrtp("c2", offer)).isEmpty();
            callee.answer(offer);
            assertThat(check.judge("c2", callee.negotiated().orElseThrow())).isEmpty();
        }
        assertThat(core.asked).singleElement().satisfies(d -> assertThat(d.srtp()).isTrue());
    }

    @Test
    void underWarnPlainMediaOverTlsRunsWithTheGuardsWarning() throws Exception {
        GuardedCallbacks core = new GuardedCallbacks(SecurityProfile.WARN);
        MediaProtectionCheck check = new MediaProtectionCheck(core, true);
        assertThat(check.srtpRequired()).as("plain offers are then negotiated, and judged").isFalse();
        try (CallMedia callee = CallMedia.open(LOCAL, check.srtpRequired(), d -> { })) {
            callee.answer(plainOffer());
            assertThat(check.judge("c3", callee.negotiated().orElseThrow())).isEmpty();
        }
        assertThat(core.asked).singleElement().satisfies(d -> {
            assertThat(d.srtp()).isFalse();
            assertThat(d.warning()).isTrue();
        });
    }

    @Test
    void withoutTlsNothingIsRequiredAndPlainMediaIsNoWarning() throws Exception {
        GuardedCallbacks core = new GuardedCallbacks(SecurityProfile.MATCHED);
        MediaProtectionCheck check = new MediaProtectionCheck(core, false);
        assertThat(check.srtpRequired()).isFalse();
        assertThat(check.lacksRequiredSrtp("c4", plainOffer())).isEmpty();
        assertThat(core.asked).isEmpty();
    }
}
