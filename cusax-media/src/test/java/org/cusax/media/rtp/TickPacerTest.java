package org.cusax.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cusax.media.rtp.TickPacer.Step;
import org.junit.jupiter.api.Test;

/**
 * {@link TickPacer} on a fake clock, runs placed as a fixed-rate executor places them: what is sent after a
 * stall, so that RTP timestamps can follow the sampling instant (RFC 3550 §5.1) without a burst. Each test
 * replays one schedule and compares the exact steps; no test sleeps or reads the wall clock.
 */
class TickPacerTest {
    private static final long FRAME = TimeUnit.MILLISECONDS.toNanos(20);

    private final AtomicLong now = new AtomicLong(1_000_000_000L); // any origin: nanoTime's is arbitrary
    private final long origin = now.get();
    private final TickPacer pacer = new TickPacer(now::get, FRAME);

    private static long ms(double millis) {
        return Math.round(millis * 1_000_000);
    }

    /** The steps of {@code runs} runs at {@code millis} after the origin. */
    private List<Step> runsAt(double millis, int runs) {
        now.set(origin + ms(millis));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            steps.add(pacer.next());
        }
        return steps;
    }

    @Test
    void rfc3550_5_1_lateRunsUpToThreeFramesBehindCatchUpAndFourBehindAreSkipped() {
        assertThat(runsAt(0, 1)).containsExactly(Step.NEXT);
        for (int slot = 1; slot < 10; slot++) { // every run 19.9 ms late: scheduling noise, nothing lost
            assertThat(runsAt(slot * 20 + 19.9, 1)).as("slot %d", slot).containsExactly(Step.NEXT);
        }
        // the run of slot 10 stalls until 3.5 frames later: it and the three the executor fires at once all
        // send (a small lag is caught up, no audio lost)
        assertThat(runsAt(10 * 20 + 70, 4)).containsExactly(Step.NEXT, Step.NEXT, Step.NEXT, Step.NEXT);
        assertThat(runsAt(14 * 20, 1)).containsExactly(Step.NEXT);
        // the run of slot 15 stalls until 4 frames later: those 4 are skipped and the frame due now is sent;
        // the executor's 4 catch-up runs find nothing due
        assertThat(runsAt(15 * 20 + 80, 5)).containsExactly(new Step(4, true), Step.IDLE, Step.IDLE, Step.IDLE,
                Step.IDLE);
        assertThat(runsAt(20 * 20, 1)).containsExactly(Step.NEXT);
        assertThat(pacer.frames()).as("frames 0..20 each handled or skipped once").isEqualTo(21);
    }

    @Test
    void rfc3550_5_1_aOneSecondStallSkipsFiftyFramesAndTheScheduleGoesOn() {
        assertThat(runsAt(0, 1)).containsExactly(Step.NEXT);
        assertThat(runsAt(20, 1)).containsExactly(Step.NEXT);
        List<Step> afterStall = runsAt(40 + 1000, 51); // slot 2's run, then the executor's 50 catch-up runs
        assertThat(afterStall.get(0)).isEqualTo(new Step(50, true));
        assertThat(afterStall.subList(1, 51)).containsOnly(Step.IDLE);
        assertThat(runsAt(1060, 1)).containsExactly(Step.NEXT);
        assertThat(runsAt(1079.9, 1)).as("the same slot again: nothing due").containsExactly(Step.IDLE);
        assertThat(runsAt(1080, 1)).containsExactly(Step.NEXT);
        assertThat(pacer.frames()).isEqualTo(1080 / 20 + 1);
    }

    @Test
    void repeatedStallsEachSkipOnlyWhatIsOverdue() {
        long skipped = 0;
        long sent = 0;
        for (int stall = 0; stall < 10; stall++) { // a tick that always takes 100 ms (a sink blocking each time)
            for (Step s : runsAt(stall * 100, 6)) {
                skipped += s.skippedFrames();
                sent += s.handlesFrame() ? 1 : 0;
            }
        }
        assertThat(sent).as("one frame per stalled run, none sent by the idle catch-up runs").isEqualTo(10);
        assertThat(skipped).isEqualTo(9 * 4);
        assertThat(sent + skipped).isEqualTo(pacer.frames()).isEqualTo(9 * 5 + 1);
    }

    @Test
    void rejectsANonPositivePeriod() {
        assertThatThrownBy(() -> new TickPacer(now::get, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Step(2, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
