package org.cusax.testbed.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes left by a "dead run": harmless {@code sleep}/{@code tail} programs whose working
 * directory, arguments or {@value RunOwner#ENV} marker name an owner JVM that has exited (a
 * short-lived process of this test). The reaper, reading this machine's {@code /proc}, stops exactly
 * those, and leaves running what belongs to a living owner (this JVM) or to no run at all.
 */
class StaleRunReaperIT {

    private static final Duration EXIT = Duration.ofSeconds(15);

    @TempDir
    Path tmp;

    @Test
    void stopsTheProcessesOfADeadOwnerAndLeavesTheOthersRunning() throws Exception {
        RunOwner dead = deadOwner();
        assertThat(dead.isAlive()).isFalse();
        Path deadRun = Files.createDirectories(tmp.resolve("cusax-testbed-dead"));
        dead.claim(deadRun);
        Path aliveRun = Files.createDirectories(tmp.resolve("cusax-testbed-alive"));
        RunOwner.current().claim(aliveRun);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(deadRun.resolve("server.log"), "");
        Files.writeString(aliveRun.resolve("server.log"), "");

        List<Process> started = new ArrayList<>();
        try {
            Process byCwd = start(started, deadRun, null, "sleep", "600");
            Process byArgument = start(started, elsewhere, null, "tail", "-f", deadRun.resolve("server.log").toString());
            Process byMarker = start(started, elsewhere, dead.format() + ":1", "sleep", "600");
            Process aliveByCwd = start(started, aliveRun, null, "sleep", "600");
            Process aliveByArgument = start(started, elsewhere, null, "tail", "-f",
                    aliveRun.resolve("server.log").toString());
            Process aliveByMarker = start(started, deadRun, RunOwner.current().format() + ":1", "sleep", "600");
            Process unrelated = start(started, elsewhere, null, "sleep", "600");

            List<StaleRunReaper.Stale> reaped = new StaleRunReaper(ProcessTable::snapshot, RunOwner::isAlive,
                    Duration.ofSeconds(5)).reap();

            Set<Long> ours = started.stream().map(Process::pid).collect(Collectors.toSet());
            assertThat(reaped.stream().map(s -> s.process().pid()).filter(ours::contains))
                    .containsExactlyInAnyOrder(byCwd.pid(), byArgument.pid(), byMarker.pid());
            assertThat(reaped.stream().filter(s -> ours.contains(s.process().pid())).map(StaleRunReaper.Stale::owner))
                    .containsOnly(dead);
            for (Process p : List.of(byCwd, byArgument, byMarker)) {
                assertThat(p.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS)).as("pid %d ended", p.pid()).isTrue();
                assertThat(p.exitValue()).as("ended by SIGTERM").isEqualTo(128 + 15);
            }
            for (Process p : List.of(aliveByCwd, aliveByArgument, aliveByMarker, unrelated)) {
                assertThat(p.isAlive()).as("pid %d still running", p.pid()).isTrue();
            }
        } finally {
            for (Process p : started) {
                p.destroyForcibly();
                p.onExit().get(EXIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /** The owner record of a process that has exited: a JVM that died without cleaning up. */
    private static RunOwner deadOwner() throws Exception {
        Process p = new ProcessBuilder("cat").start();
        Instant start = p.toHandle().info().startInstant().orElseThrow();
        p.getOutputStream().close();
        assertThat(p.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return new RunOwner(p.pid(), start);
    }

    private static Process start(List<Process> started, Path cwd, String marker, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        pb.environment().remove(RunOwner.ENV);
        if (marker != null) {
            pb.environment().put(RunOwner.ENV, marker);
        }
        Process p = pb.start();
        started.add(p);
        return p;
    }
}
