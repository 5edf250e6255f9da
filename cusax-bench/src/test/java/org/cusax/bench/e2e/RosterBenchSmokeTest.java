package org.cusax.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end roster benchmark runs (small roster, one repetition, no added delay) against real
 * Prosody and writes its results. Counts only, never timings: every scenario got every contact's number,
 * cold cusax sent exactly one request per contact (vcard-temp; vCard4 comes by PEP after its presence), the warm
 * start none; the offline and online floors the same vcard-temp requests as cold, the issue's floor a vcard-temp
 * and a vCard4 request per contact.
 */
class RosterBenchSmokeTest {
    private static final int N = 30;

    @Test
    void aSmallRunCompletesWithExactCountsAndWritesItsResults(@TempDir Path work) throws Exception {
        List<Sample> samples = RosterBench.run(new int[] {N}, new int[] {0}, 1, work);
        assertThat(samples).extracting(Sample::scenario)
                .containsExactly("raw-pipelined", "raw-pipelined-2", "raw-online", "cusax-cold", "cusax-warm",
                        Report.COLD_WITHOUT_SM, "serial", Report.LOGIN_SM);
        Sample floor = samples.get(0);
        Sample issueFloor = samples.get(1);
        Sample onlineFloor = samples.get(2);
        Sample cold = samples.get(3);
        Sample warm = samples.get(4);
        Sample coldNoSm = samples.get(5);
        Sample serial = samples.get(6);
        Sample loginSm = samples.get(7);
        assertThat(floor.requests()).isEqualTo(N);
        assertThat(floor.known()).isEqualTo(N);
        assertThat(issueFloor.requests()).isEqualTo(2L * N);
        assertThat(issueFloor.known()).isEqualTo(N);
        assertThat(onlineFloor.requests()).isEqualTo(N);
        assertThat(onlineFloor.known()).isEqualTo(N);
        assertThat(cold.requests()).isEqualTo(N);
        assertThat(cold.known()).isEqualTo(N);
        assertThat(warm.requests()).isZero();
        assertThat(warm.known()).isEqualTo(N);
        assertThat(serial.requests()).isEqualTo(N);
        assertThat(serial.known()).isEqualTo(N);
        assertThat(serial.extrapolated()).isFalse();
        assertThat(loginSm.requests()).isZero(); // login with stream management (it throws unless enabled) + roster
        assertThat(loginSm.rosterMillis()).isEqualTo(loginSm.millis());
        // the first answer (floors) and the first number (cusax) are measured, between the roster and the end
        for (Sample s : List.of(floor, issueFloor, onlineFloor, cold)) {
            assertThat(s.firstMillis()).as(s.scenario()).isBetween(s.rosterMillis(), s.millis());
        }
        // the client's CPU time is measured for every scenario (timings themselves are only reported, never judged)
        assertThat(samples).allMatch(s -> s.cpuMillis() > 0);
        // and Prosody's (-1: not read); in ticks of 10 ms, so a short scenario may read 0
        assertThat(samples).allMatch(s -> s.serverCpuMillis() >= 0);
        // cusax's waits for the ack gate and the window are counted (none warm: it sends no request), -1 elsewhere
        assertThat(cold.gateHolds()).isNotNegative();
        assertThat(cold.windowHolds()).isNotNegative();
        assertThat(warm.gateHolds()).isZero();
        assertThat(warm.windowHolds()).isZero();
        // cold without stream management: the same requests and numbers, and no ack gate to wait for
        assertThat(coldNoSm.requests()).isEqualTo(N);
        assertThat(coldNoSm.known()).isEqualTo(N);
        assertThat(coldNoSm.gateHolds()).isZero();
        assertThat(List.of(floor, issueFloor, onlineFloor, serial, loginSm)).allMatch(s -> s.gateHolds() == -1
                && s.windowHolds() == -1);

        Path out = Files.createDirectories(work.resolve("results"));
        String table = Report.write(samples, out, "smoke");
        assertThat(table).contains("| " + N + " | 0 |").contains("warm: 0 requests")
                .contains("warm ≤ login with XEP-0198 + roster + 1 RTT:");
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(9).first().isEqualTo(Sample.CSV_HEADER);
        assertThat(out.resolve("cold-start-rtt0.png")).isNotEmptyFile();
    }
}
