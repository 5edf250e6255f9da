package org.cusax.testbed.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code /proc} says about the processes of this machine (Linux), as far as this user may read
 * it: command line, working directory and the {@value RunOwner#ENV} marker a program started by
 * {@link ServerProcess} carries. Processes that end while being read, or whose files are not
 * readable, are left out or lack the unreadable part; without {@code /proc} the table is empty.
 */
final class ProcessTable {

    private static final Path PROC = Path.of("/proc");

    /**
     * One process.
     *
     * @param pid       process id
     * @param start     when it started (to tell it from a later process with the same pid), or null
     * @param arguments its command line (argv), empty for kernel threads
     * @param cwd       its working directory, if readable
     * @param marker    the value of {@value RunOwner#ENV} in its environment, if any and readable
     */
    record Entry(long pid, Instant start, List<String> arguments, Optional<Path> cwd, Optional<String> marker) {

        Entry {
            arguments = List.copyOf(arguments);
        }

        /** The command line as one string, for log lines. */
        String commandLine() {
            return String.join(" ", arguments);
        }

        /** The live process, unless it has ended (or its pid now names another process). */
        Optional<ProcessHandle> handle() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> start == null || h.info().startInstant().map(start::equals).orElse(true));
        }
    }

    private ProcessTable() {
    }

    /** Every process now, except this JVM. */
    static List<Entry> snapshot() {
        long self = ProcessHandle.current().pid();
        List<Entry> all = new ArrayList<>();
        ProcessHandle.allProcesses().filter(h -> h.pid() != self).forEach(h -> read(h).ifPresent(all::add));
        return all;
    }

    /** The live processes whose {@value RunOwner#ENV} is exactly {@code marker}. */
    static List<ProcessHandle> marked(String marker) {
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle.allProcesses().filter(h -> h.pid() != self)
                .filter(h -> marker(h.pid()).filter(marker::equals).isPresent())
                .forEach(found::add);
        return found;
    }

    private static Optional<Entry> read(ProcessHandle h) {
        Path dir = PROC.resolve(Long.toString(h.pid()));
        Optional<Instant> start = h.info().startInstant();
        List<String> arguments = nulSeparated(dir.resolve("cmdline"));
        Optional<Path> cwd;
        try {
            cwd = Optional.of(Files.readSymbolicLink(dir.resolve("cwd")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            cwd = Optional.empty();
        }
        if (!h.isAlive()) {
            return Optional.empty();
        }
        return Optional.of(new Entry(h.pid(), start.orElse(null), arguments, cwd, marker(h.pid())));
    }

    private static Optional<String> marker(long pid) {
        String prefix = RunOwner.ENV + "=";
        for (String variable : nulSeparated(PROC.resolve(Long.toString(pid)).resolve("environ"))) {
            if (variable.startsWith(prefix)) {
                return Optional.of(variable.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    private static List<String> nulSeparated(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == 0) {
                if (i > from) {
                    parts.add(new String(bytes, from, i - from, StandardCharsets.UTF_8));
                }
                from = i + 1;
            }
        }
        return parts;
    }
}
