package org.cusax.sip.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.cusax.core.call.AudioPlan;
import org.junit.jupiter.api.Test;

/**
 * RFC 3264 offer/answer between two calls' media, and RFC 4568 SDES: SRTP is required (RTP/SAVP) when
 * SIP runs over TLS and offered (RTP/AVP with a=crypto) otherwise.
 */
class CallMediaTest {
    private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();

    @Test
    void overTlsTheOfferRequiresSrtpAndTheAnswerKeepsIt() throws Exception {
        try (CallMedia caller = CallMedia.open(LOCAL, true, d -> { });
             CallMedia callee = CallMedia.open(LOCAL, true, d -> { })) {
            String offer = caller.offer();
            assertThat(offer).contains("RTP/SAVP").contains("a=crypto:");
            String answer = callee.answer(offer);
            assertThat(answer).contains("RTP/SAVP").contains("a=crypto:");
            assertThat(caller.acceptAnswer(answer).isSecure()).isTrue();
            assertThat(callee.negotiated().orElseThrow().isSecure()).isTrue();
        }
    }

    @Test
    void withoutTlsSrtpIsOfferedNotRequired() throws Exception {
        try (CallMedia caller = CallMedia.open(LOCAL, false, d -> { })) {
            String offer = caller.offer();
            assertThat(offer).contains("RTP/AVP").doesNotContain("RTP/SAVP").contains("a=crypto:");
        }
    }

    @Test
    void mediaCannotStartBeforeNegotiationAndCloseIsIdempotent() throws Exception {
        CallMedia media = CallMedia.open(LOCAL, false, d -> { });
        assertThatThrownBy(() -> media.start(AudioPlan.silent())).isInstanceOf(IllegalStateException.class);
        media.close();
        media.close();
        assertThat(media.isClosed()).isTrue();
    }
}
