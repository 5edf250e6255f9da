package org.cusax.testbed.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which processes {@link StaleRunReaper} takes for servers of dead runs, decided on made-up process
 * tables (pids no system hands out) and owners whose liveness the test says: nothing is started or
 * killed here.
 */
class StaleRunReaperTest {

    private static final RunOwner DEAD = new RunOwner(4_500_001, Instant.ofEpochMilli(1_700_000_000_000L));
    private static final RunOwner ALIVE = new RunOwner(4_500_002, Instant.ofEpochMilli(1_700_000_100_000L));

    @TempDir
    Path tmp;

    private final StaleRunReaper reaper = new StaleRunReaper(List::of, ALIVE::equals, Duration.ofSeconds(1));

    @Test
    void aProcessInARunDirectoryOfADeadOwnerIsStaleAndOfALivingOwnerIsKept() throws Exception {
        Path dead = run("cusax-testbed-111", DEAD);
        Path alive = run("cusax-testbed-222", ALIVE);
        ProcessTable.Entry leaked = process(4_600_001, List.of("kamailio", "-f", dead + "/kamailio/kamailio.cfg",
                "-DD", "-E"), Path.of("/"), null);
        ProcessTable.Entry running = process(4_600_002, List.of("kamailio", "-f", alive + "/kamailio/kamailio.cfg",
                "-DD", "-E"), Path.of("/"), null);

        List<StaleRunReaper.Stale> stale = reaper.stale(List.of(leaked, running));

        assertThat(stale).containsExactly(new StaleRunReaper.Stale(leaked, DEAD));
    }

    @Test
    void theWorkingDirectoryAndAnOptionValueNameTheRunToo() throws Exception {
        Path dead = run("cusax-pg-333", DEAD);
        ProcessTable.Entry worker = process(4_600_003, List.of("postgres: 15/main: checkpointer"),
                dead.resolve("data"), null);
        ProcessTable.Entry browser = process(4_600_004, List.of("/usr/lib/chromium/chromium",
                "--user-data-dir=" + dead + "/chromium-profile"), Path.of("/"), null);

        assertThat(reaper.stale(List.of(worker, browser))).extracting(s -> s.process().pid())
                .containsExactly(4_600_003L, 4_600_004L);
    }

    @Test
    void theMarkerOfServerProcessNamesTheOwnerWhereverTheProgramRuns() {
        ProcessTable.Entry dnsmasq = process(4_600_005, List.of("dnsmasq", "--keep-in-foreground"), Path.of("/"),
                DEAD.format() + ":7");
        ProcessTable.Entry living = process(4_600_006, List.of("dnsmasq", "--keep-in-foreground"), Path.of("/"),
                ALIVE.format() + ":8");

        assertThat(reaper.stale(List.of(dnsmasq, living))).containsExactly(new StaleRunReaper.Stale(dnsmasq, DEAD));
    }

    @Test
    void oneLivingOwnerKeepsAProcessThatAlsoNamesADeadOne() throws Exception {
        Path dead = run("cusax-testbed-444", DEAD);
        ProcessTable.Entry p = process(4_600_007, List.of("prosody", "--config", dead + "/prosody/prosody.cfg.lua"),
                Path.of("/"), ALIVE.format() + ":1");

        assertThat(reaper.stale(List.of(p))).isEmpty();
    }

    @Test
    void processesNamingNoOwnerAreNeverStaleWhateverTheirName() throws Exception {
        Path noOwnerFile = Files.createDirectories(tmp.resolve("cusax-testbed-555")); // e.g. a run from before owner files
        Path lookalike = run("testbed-666", DEAD); // an owner file, but not in a cusax-* directory
        List<ProcessTable.Entry> developers = List.of(
                process(4_600_010, List.of("kamailio", "-f", "/etc/kamailio/kamailio.cfg", "-DD", "-E"), Path.of("/"),
                        null),
                process(4_600_011, List.of("prosody", "-F"), Path.of("/var/lib/prosody"), null),
                process(4_600_012, List.of("kamailio", "-f", noOwnerFile + "/kamailio.cfg"), noOwnerFile, null),
                process(4_600_013, List.of("sleep", "600"), lookalike, null),
                process(4_600_014, List.of("sleep", "600"), Path.of("/"), "not-an-owner"),
                process(4_600_015, List.of(), Path.of("/"), null));

        assertThat(reaper.stale(developers)).isEmpty();
    }

    @Test
    void thisJvmAndItsAncestorsAreNeverStale() throws Exception {
        Path dead = run("cusax-testbed-777", DEAD);
        ProcessHandle self = ProcessHandle.current();
        ProcessTable.Entry me = process(self.pid(), List.of("java"), dead, DEAD.format() + ":1");
        ProcessTable.Entry parent = process(self.parent().orElseThrow().pid(), List.of("java"), dead, null);

        assertThat(reaper.stale(List.of(me, parent))).isEmpty();
    }

    @Test
    void reapSkipsStaleEntriesWhoseProcessHasAlreadyEnded() throws Exception {
        Path dead = run("cusax-testbed-888", DEAD);
        ProcessTable.Entry gone = process(4_600_020, List.of("kamailio"), dead, null);
        StaleRunReaper withTable = new StaleRunReaper(() -> List.of(gone), ALIVE::equals, Duration.ofSeconds(1));

        assertThat(withTable.reap()).containsExactly(new StaleRunReaper.Stale(gone, DEAD));
    }

    @Test
    void runDirectoriesAreTheCusaxComponentsOfAbsolutePaths() {
        assertThat(StaleRunReaper.runDirectories("/tmp/cusax-testbed-1/kamailio/kamailio.cfg"))
                .containsExactly(Path.of("/tmp/cusax-testbed-1"));
        assertThat(StaleRunReaper.runDirectories("--user-data-dir=/tmp/cusax-testbed-2/chromium-profile"))
                .containsExactly(Path.of("/tmp/cusax-testbed-2"));
        assertThat(StaleRunReaper.runDirectories("/base/cusax-a/cusax-testbed-3"))
                .containsExactly(Path.of("/base/cusax-a"), Path.of("/base/cusax-a/cusax-testbed-3"));
        assertThat(StaleRunReaper.runDirectories("-k /tmp/cusax-pg-4 -p 5432"))
                .containsExactly(Path.of("/tmp/cusax-pg-4"));
        assertThat(StaleRunReaper.runDirectories("relative/cusax-testbed-5")).isEmpty();
        assertThat(StaleRunReaper.runDirectories("/etc/kamailio/kamailio.cfg")).isEmpty();
    }

    @Test
    void anOwnerIsWrittenAndReadBackAndMalformedOnesAreNone() throws Exception {
        Path dir = run("cusax-testbed-999", DEAD);
        assertThat(RunOwner.of(dir)).contains(DEAD);
        assertThat(RunOwner.parse(DEAD.format() + ":12")).contains(DEAD);
        assertThat(RunOwner.parse("42:-")).contains(new RunOwner(42, null));
        assertThat(RunOwner.parse("x:1")).isEmpty();
        assertThat(RunOwner.parse("")).isEmpty();
        assertThat(RunOwner.of(tmp)).isEmpty();
    }

    @Test
    void theOwnerIsAliveOnlyWithItsPidAndItsStartInstant() {
        RunOwner me = RunOwner.current();
        assertThat(me.isAlive()).isTrue();
        assertThat(new RunOwner(me.pid(), null).isAlive()).isTrue();
        assertThat(new RunOwner(me.pid(), me.start().minusSeconds(5)).isAlive()).as("pid reused").isFalse();
        assertThat(new RunOwner(4_500_003, me.start()).isAlive()).isFalse();
    }

    private Path run(String name, RunOwner owner) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        owner.claim(dir);
        return dir;
    }

    private static ProcessTable.Entry process(long pid, List<String> args, Path cwd, String marker) {
        return new ProcessTable.Entry(pid, null, args, Optional.ofNullable(cwd), Optional.ofNullable(marker));
    }
}
