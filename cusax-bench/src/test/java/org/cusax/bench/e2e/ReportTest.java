package org.cusax.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The roster results table judges issue 13's goals from the medians of one run, and says plainly what is missed:
 * here the first-number goals (one round trip after the roster; and against what raw Smack itself got, its first
 * answer after its roster).
 */
class ReportTest {

    @Test
    void theFirstNumberIsJudgedAgainstOneRoundTripAndAgainstTheFloorsFirstAnswer() {
        // cusax's first number 71 ms after its roster; the offline floor's first answer 72 ms after its roster
        String table = Report.markdown(run(1000, 50, 71, 72), "test machine");

        assertThat(table).contains("first number ≤ 1 RTT after the roster: **MISSED**")
                .contains("first number ≤ 1.15× the offline floor's first answer: met")
                .contains("(+71 / +72 / +60)");
    }

    @Test
    void aFirstNumberWellBehindTheFloorsIsMissed() {
        String table = Report.markdown(run(1000, 50, 120, 72), "test machine");

        assertThat(table).contains("first number ≤ 1.15× the offline floor's first answer: **MISSED**");
    }

    @Test
    void theFirstNumberGoalsAreJudgedAtOneThousandContactsAndFiftyMillisecondsOnly() {
        String table = Report.markdown(run(100, 0, 71, 72), "test machine");

        assertThat(table).doesNotContain("first number ≤");
    }

    @Test
    void theWarmStartIsJudgedAgainstTheFloorsLoginAndAgainstALoginWithStreamManagement() {
        // warm ready at 1,000 ms; the floor's login + roster at 500 ms, with XEP-0198 at 960 ms; RTT 50
        List<Sample> samples = run(100, 50, 71, 72);
        samples.add(new Sample(Report.LOGIN_SM, 100, 50, 1, 960, -1, 0, 0, false, 40, 960, 0, 30, -1, -1));
        String table = Report.markdown(samples, "test machine");

        assertThat(table).contains("| 500 / 960 |")
                .contains("warm ≤ login + roster + 1 RTT: **MISSED**")
                .contains("warm ≤ login with XEP-0198 + roster + 1 RTT: met");
    }

    @Test
    void withoutTheStreamManagementLoginOnlyTheFloorsLoginJudgesTheWarmStart() {
        String table = Report.markdown(run(100, 50, 71, 72), "test machine");

        assertThat(table).contains("warm ≤ login + roster + 1 RTT: **MISSED**").doesNotContain("XEP-0198 + roster");
    }

    /** One repetition of every scenario; roster at 500 ms, everything loaded at 1,000 ms. */
    private static List<Sample> run(int n, int rtt, double cusaxFirstAfterRoster, double floorFirstAfterRoster) {
        List<Sample> samples = new ArrayList<>();
        samples.add(sample(Report.FLOOR_OFFLINE, n, rtt, 500 + floorFirstAfterRoster, n));
        samples.add(sample(Report.FLOOR_ISSUE, n, rtt, 500 + floorFirstAfterRoster, 2L * n));
        samples.add(sample(Report.FLOOR_ONLINE, n, rtt, 560, n));
        samples.add(sample("cusax-cold", n, rtt, 500 + cusaxFirstAfterRoster, n));
        samples.add(sample("cusax-warm", n, rtt, -1, 0));
        samples.add(new Sample("serial", n, rtt, 1, 50_000, -1, n, n, true, 100, 500, 0, 200, -1, -1));
        return samples;
    }

    private static Sample sample(String scenario, int n, int rtt, double firstMillis, long requests) {
        return new Sample(scenario, n, rtt, 1, 1000, firstMillis, requests, n, false, 100, 500, 0, 300, 0, 0);
    }
}
