package org.cusax.core.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** RFC 3261 §13 (dialog life: early, confirmed, terminated) and §21 (final status → end reason). */
class CallTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void talkTimeRunsFromAnswerToEnd() {
        Call call = Call.outgoing("c1", "sip:bob@cusax.test", T0).ringing()
                .answeredAt(T0.plusSeconds(3)).endedAt(T0.plusSeconds(10), EndReason.of(EndReason.Kind.HUNG_UP_LOCALLY, "bye"));
        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.duration(T0.plusSeconds(99))).isEqualTo(Duration.ofSeconds(7));
        assertThat(call.endReason().orElseThrow().kind()).isEqualTo(EndReason.Kind.HUNG_UP_LOCALLY);
    }

    @Test
    void anEndedCallCannotChangeAgain() {
        Call ended = Call.incoming("c2", "sip:alice@cusax.test", T0).endedAt(T0, EndReason.fromStatus(487, "Request Terminated"));
        assertThat(ended.duration(T0.plusSeconds(5))).isZero();
        assertThatThrownBy(() -> ended.answeredAt(T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void finalStatusesMapToWhatTheUserSees() {
        assertThat(EndReason.fromStatus(486, "Busy Here").kind()).isEqualTo(EndReason.Kind.BUSY);
        assertThat(EndReason.fromStatus(486, "Busy Here").sipStatus()).hasValue(486);
        assertThat(EndReason.fromStatus(603, "Decline").kind()).isEqualTo(EndReason.Kind.DECLINED);
        assertThat(EndReason.fromStatus(404, "Not Found").kind()).isEqualTo(EndReason.Kind.NOT_FOUND);
        assertThat(EndReason.fromStatus(480, null).kind()).isEqualTo(EndReason.Kind.UNAVAILABLE);
        assertThat(EndReason.fromStatus(487, "Request Terminated").kind()).isEqualTo(EndReason.Kind.CANCELLED);
        assertThat(EndReason.fromStatus(500, "Server Error").message()).isEqualTo("500 Server Error");
    }

    @Test
    void dtmfDigitsFollowRfc4733Events() {
        assertThat(DtmfDigits.requireValid("12*#ab")).isEqualTo("12*#AB");
        assertThatThrownBy(() -> DtmfDigits.requireValid("12x")).hasMessageContaining("'X'");
        assertThatThrownBy(() -> new PlaySource.Tone(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallRequest("id", "bob", AudioPlan.silent()))
                .hasMessageContaining("sip:");
    }
}
