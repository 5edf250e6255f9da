package org.cusax.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;

import org.cusax.core.call.CallDirection;
import org.cusax.core.call.EndReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RFC 3261 §21 final responses and CANCEL (§9) as call-log outcomes. */
class CallOutcomeTest {
    @Test
    @DisplayName("an answered call is answered whatever ended it")
    void answered() {
        assertThat(CallOutcome.of(CallDirection.INCOMING, true, EndReason.of(EndReason.Kind.HUNG_UP_REMOTELY, "")))
                .isEqualTo(CallOutcome.ANSWERED);
    }

    @Test
    @DisplayName("RFC 3261 §9: an incoming call cancelled by the caller is missed")
    void missed() {
        assertThat(CallOutcome.of(CallDirection.INCOMING, false, EndReason.of(EndReason.Kind.CANCELLED, "")))
                .isEqualTo(CallOutcome.MISSED);
    }

    @Test
    @DisplayName("RFC 3261 §21.4.24: rejected by us with 486 is busy, with 603 rejected")
    void rejectedOrBusy() {
        assertThat(CallOutcome.of(CallDirection.INCOMING, false,
                new EndReason(EndReason.Kind.REJECTED_LOCALLY, OptionalInt.of(486), ""))).isEqualTo(CallOutcome.BUSY);
        assertThat(CallOutcome.of(CallDirection.INCOMING, false,
                new EndReason(EndReason.Kind.REJECTED_LOCALLY, OptionalInt.of(603), ""))).isEqualTo(CallOutcome.REJECTED);
    }

    @Test
    @DisplayName("outgoing: busy, declined, cancelled by us, unavailable")
    void outgoing() {
        assertThat(CallOutcome.of(CallDirection.OUTGOING, false, EndReason.fromStatus(486, "Busy Here")))
                .isEqualTo(CallOutcome.BUSY);
        assertThat(CallOutcome.of(CallDirection.OUTGOING, false, EndReason.fromStatus(603, "Decline")))
                .isEqualTo(CallOutcome.REJECTED);
        assertThat(CallOutcome.of(CallDirection.OUTGOING, false, EndReason.fromStatus(487, "Request Terminated")))
                .isEqualTo(CallOutcome.CANCELLED);
        assertThat(CallOutcome.of(CallDirection.OUTGOING, false, EndReason.fromStatus(480, "Temporarily Unavailable")))
                .isEqualTo(CallOutcome.NO_ANSWER);
        assertThat(CallOutcome.of(CallDirection.OUTGOING, false, EndReason.of(EndReason.Kind.FAILED, "")))
                .isEqualTo(CallOutcome.FAILED);
    }

    @Test
    void tokensRoundTrip() {
        for (CallOutcome o : CallOutcome.values()) {
            assertThat(CallOutcome.fromToken(o.token())).contains(o);
        }
        assertThat(CallOutcome.fromToken("nonsense")).isEmpty();
    }
}
