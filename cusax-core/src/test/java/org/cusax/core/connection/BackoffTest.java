package org.cusax.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Jittered exponential backoff for reconnection. */
class BackoffTest {
    @Test
    void growsExponentiallyUpToTheCapWithoutJitter() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0, 0.5, () -> 0.0);
        assertThat(b.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.delay(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(b.delay(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(b.delay(1000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void jitterShortensByUpToTheJitterFraction() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.5, () -> 0.999999);
        assertThat(b.delay(3)).isEqualTo(Duration.ofMillis(2000));
        Backoff half = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.5, () -> 0.5);
        assertThat(half.delay(3)).isEqualTo(Duration.ofMillis(3000));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, 0.1))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1), 2, 0.1))
                .hasMessageContaining("below");
        assertThatThrownBy(() -> Backoff.defaults().delay(0)).hasMessageContaining("count from 1");
    }
}
