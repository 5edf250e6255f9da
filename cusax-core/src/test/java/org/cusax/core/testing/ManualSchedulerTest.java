package org.cusax.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The fake scheduler other tests trust: tasks run in due order, only when time is advanced. */
class ManualSchedulerTest {
    @Test
    void runsTasksInDueOrderOnlyWhenAdvanced() {
        ManualScheduler s = new ManualScheduler();
        List<String> ran = new CopyOnWriteArrayList<>();
        s.schedule(() -> ran.add("b@2s"), 2, TimeUnit.SECONDS);
        s.schedule(() -> ran.add("a@1s"), 1, TimeUnit.SECONDS);
        ScheduledFuture<?> cancelled = s.schedule(() -> ran.add("never"), 1500, TimeUnit.MILLISECONDS);
        s.execute(() -> s.schedule(() -> ran.add("c@3s"), 3, TimeUnit.SECONDS));
        assertThat(s.runReady()).isEqualTo(1);
        assertThat(ran).isEmpty();
        assertThat(s.pendingDelays()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(1500),
                Duration.ofSeconds(2), Duration.ofSeconds(3));
        cancelled.cancel(false);
        s.advance(Duration.ofMillis(1999));
        assertThat(ran).containsExactly("a@1s");
        s.advance(Duration.ofSeconds(2));
        assertThat(ran).containsExactly("a@1s", "b@2s", "c@3s");
        assertThat(s.elapsed()).isEqualTo(Duration.ofMillis(3999));
        assertThat(s.clock().instant()).isEqualTo(s.now());
    }

    @Test
    void periodicTasksRepeatUntilCancelled() {
        ManualScheduler s = new ManualScheduler();
        List<Duration> at = new CopyOnWriteArrayList<>();
        ScheduledFuture<?> f = s.scheduleWithFixedDelay(() -> at.add(s.elapsed()), 1, 1, TimeUnit.SECONDS);
        s.advance(Duration.ofMillis(3500));
        f.cancel(false);
        s.advance(Duration.ofSeconds(5));
        assertThat(at).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    }
}
