package org.cusax.testbed.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM that owns a test run's servers: its process id and the instant that process started, so
 * that a later process reusing the pid is not taken for the owner. Recorded in two places that
 * {@link StaleRunReaper} reads after the owner has died without stopping its servers:
 * <ul>
 * <li>the file {@value #FILE} of a run directory ({@link #claim(Path)}): every process whose
 *     command line or working directory lies in that directory belongs to the run;</li>
 * <li>the environment variable {@value #ENV} of every program {@link ServerProcess} starts
 *     ({@code pid:startMillis:serial}, serial numbering the programs of the owner), which the
 *     program's children inherit: the marker also lets {@link ServerProcess#stop()} find children
 *     that left the process tree.</li>
 * </ul>
 *
 * @param pid   process id of the owner JVM
 * @param start when the owner started; {@code null} if the system did not say
 */
public record RunOwner(long pid, Instant start) {

    /** Name of the owner file in a run directory. */
    public static final String FILE = ".cusax-run-owner";
    /** Environment variable naming the owner (and the program) of a started program. */
    public static final String ENV = "CUSAX_TESTBED_PROCESS";

    /**
     * Start instants read by different JVMs may differ by rounding; a process whose start is this
     * close to the recorded one counts as the owner (errs on the side of "still alive").
     */
    private static final Duration SAME_START = Duration.ofSeconds(1);
    private static final Pattern TEXT = Pattern.compile("(\\d+):(-|-?\\d+)");

    /** This JVM. */
    public static RunOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new RunOwner(self.pid(), self.info().startInstant().orElse(null));
    }

    /** {@code pid:startMillis} ({@code pid:-} without a start instant). */
    public String format() {
        return pid + ":" + (start == null ? "-" : Long.toString(start.toEpochMilli()));
    }

    /** Parses {@link #format()}, also at the start of an {@value #ENV} value; empty when malformed. */
    public static Optional<RunOwner> parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        try {
            Instant start = m.group(2).equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(m.group(2)));
            return Optional.of(new RunOwner(Long.parseLong(m.group(1)), start));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Writes the owner file into {@code runDirectory}: this owner's processes there are its own. */
    public void claim(Path runDirectory) {
        try {
            Files.writeString(runDirectory.resolve(FILE), format() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the owner of " + runDirectory + ": " + e.getMessage(), e);
        }
    }

    /** The owner recorded in {@code directory}; empty if it has no (readable) owner file. */
    public static Optional<RunOwner> of(Path directory) {
        Path file = directory.resolve(FILE);
        try {
            return Files.isRegularFile(file) ? parse(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * True while the owner runs: its pid is alive and started at the recorded instant (within a
     * second). Unknown start instants count as a match, so an uncertain answer is "alive".
     */
    public boolean isAlive() {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return false;
        }
        Optional<Instant> actual = handle.get().info().startInstant();
        return start == null || actual.isEmpty()
                || Duration.between(start, actual.get()).abs().compareTo(SAME_START) <= 0;
    }
}
