package org.cusax.sip.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** RFC 3261 §10.2.4: refresh before the granted registration expires. */
class RefreshPolicyTest {
    @Test
    void longLifetimesKeepATenthAsMargin() {
        assertThat(RefreshPolicy.refreshAfter(Duration.ofSeconds(600))).isEqualTo(Duration.ofSeconds(540));
        assertThat(RefreshPolicy.refreshAfter(Duration.ofSeconds(3600))).isEqualTo(Duration.ofSeconds(3240));
    }

    @Test
    void mediumLifetimesKeepATenthButAtLeastFiveSeconds() {
        assertThat(RefreshPolicy.refreshAfter(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(54));
        assertThat(RefreshPolicy.refreshAfter(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void shortLifetimesRefreshHalfway() {
        assertThat(RefreshPolicy.refreshAfter(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(5));
        assertThat(RefreshPolicy.refreshAfter(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(2));
        assertThat(RefreshPolicy.refreshAfter(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void zeroIsNotARegistration() {
        assertThatThrownBy(() -> RefreshPolicy.refreshAfter(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
