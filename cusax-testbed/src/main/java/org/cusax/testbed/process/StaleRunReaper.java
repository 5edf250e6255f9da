package org.cusax.testbed.process;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops servers left running by test runs whose JVM died without stopping them (SIGKILL, the OOM
 * killer, surefire halting a fork whose shutdown hooks took too long): shutdown hooks cannot help
 * there, so the next testbed of any JVM cleans up ({@link #reapOnce()}, called when a server is
 * started).
 *
 * <p>A process belongs to a run when it carries the {@value RunOwner#ENV} marker of
 * {@link ServerProcess} (inherited by everything the program forked), or when its command line or
 * working directory lies in a run directory, a {@code cusax-*} directory holding a
 * {@value RunOwner#FILE} file ({@link RunOwner#claim}). It is stale when every owner it names is
 * dead; it is then sent SIGTERM, and SIGKILL after the grace period, with one log line each. A
 * process naming no owner (a developer's own Prosody or Kamailio, whatever its name), a process
 * whose owner still runs (a concurrent test JVM, the interim demo), this JVM and its ancestors are
 * never touched. The stale run directories themselves are left as they are: their logs explain what
 * the dead run did, and the system's temp cleaning removes them.
 */
public final class StaleRunReaper {

    private static final Logger LOG = LoggerFactory.getLogger(StaleRunReaper.class);
    private static final AtomicBoolean REAPED = new AtomicBoolean();
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final String RUN_DIRECTORY = "/cusax-";
    private static final String DELIMITERS = " \t=:,;'\"@";

    private final Supplier<List<ProcessTable.Entry>> processes;
    private final Predicate<RunOwner> alive;
    private final Duration grace;

    /**
     * @param processes the processes of this machine now ({@link ProcessTable#snapshot()})
     * @param alive     whether an owner still runs ({@link RunOwner#isAlive()})
     * @param grace     how long a stale process may take to end after SIGTERM, and after SIGKILL
     */
    StaleRunReaper(Supplier<List<ProcessTable.Entry>> processes, Predicate<RunOwner> alive, Duration grace) {
        this.processes = processes;
        this.alive = alive;
        this.grace = grace;
    }

    /**
     * Reaps the stale processes of this machine the first time it is called in this JVM; later
     * calls return at once. Never fails: a failure is logged.
     */
    public static void reapOnce() {
        if (!REAPED.compareAndSet(false, true)) {
            return;
        }
        try {
            new StaleRunReaper(ProcessTable::snapshot, RunOwner::isAlive, GRACE).reap();
        } catch (RuntimeException e) {
            LOG.warn("looking for servers of dead test runs failed: {}", e.toString());
        }
    }

    /** Stops every stale process now (SIGTERM, then SIGKILL after the grace period); returns them. */
    List<Stale> reap() {
        List<Stale> stale = stale(processes.get());
        List<ProcessHandle> handles = new ArrayList<>();
        for (Stale s : stale) {
            Optional<ProcessHandle> h = s.process().handle();
            if (h.isEmpty()) {
                continue;
            }
            LOG.warn("stopping pid {} left by a dead test run (owner pid {} is gone): {}", s.process().pid(),
                    s.owner().pid(), s.process().commandLine());
            h.get().destroy();
            handles.add(h.get());
        }
        List<ProcessHandle> left = awaitExit(handles);
        for (ProcessHandle h : left) {
            LOG.warn("pid {} is still running {} s after SIGTERM: SIGKILL", h.pid(), grace.toSeconds());
            h.destroyForcibly();
        }
        for (ProcessHandle h : awaitExit(left)) {
            LOG.error("pid {} of a dead test run is still running after SIGKILL", h.pid());
        }
        return stale;
    }

    /** The processes of {@code all} that belong to a run and whose owners are all dead. */
    List<Stale> stale(List<ProcessTable.Entry> all) {
        Set<Long> untouchable = new HashSet<>();
        for (Optional<ProcessHandle> h = Optional.of(ProcessHandle.current()); h.isPresent(); h = h.get().parent()) {
            untouchable.add(h.get().pid());
        }
        Map<RunOwner, Boolean> living = new HashMap<>();
        List<Stale> stale = new ArrayList<>();
        for (ProcessTable.Entry e : all) {
            if (untouchable.contains(e.pid())) {
                continue;
            }
            Set<RunOwner> owners = owners(e);
            if (!owners.isEmpty() && owners.stream().noneMatch(o -> living.computeIfAbsent(o, alive::test))) {
                stale.add(new Stale(e, owners.iterator().next()));
            }
        }
        return stale;
    }

    /** Every owner {@code process} names: by its marker, its working directory, its arguments. */
    static Set<RunOwner> owners(ProcessTable.Entry process) {
        Set<RunOwner> owners = new LinkedHashSet<>();
        process.marker().flatMap(RunOwner::parse).ifPresent(owners::add);
        List<String> places = new ArrayList<>();
        process.cwd().ifPresent(cwd -> places.add(cwd.toString()));
        places.addAll(process.arguments());
        for (String place : places) {
            for (Path dir : runDirectories(place)) {
                RunOwner.of(dir).ifPresent(owners::add);
            }
        }
        return owners;
    }

    /**
     * The absolute paths of {@code cusax-*} directories in {@code text} (a path, or an argument
     * such as {@code --user-data-dir=/tmp/cusax-testbed-1/chromium-profile}): candidates only,
     * the owner file decides.
     */
    static List<Path> runDirectories(String text) {
        List<Path> dirs = new ArrayList<>();
        for (int at = text.indexOf(RUN_DIRECTORY); at >= 0; at = text.indexOf(RUN_DIRECTORY, at + 1)) {
            int begin = at;
            while (begin > 0 && DELIMITERS.indexOf(text.charAt(begin - 1)) < 0) {
                begin--;
            }
            int end = at + 1;
            while (end < text.length() && text.charAt(end) != '/' && DELIMITERS.indexOf(text.charAt(end)) < 0) {
                end++;
            }
            if (text.charAt(begin) == '/') {
                try {
                    dirs.add(Path.of(text.substring(begin, end)).normalize());
                } catch (InvalidPathException e) {
                    // not a path after all
                }
            }
        }
        return dirs;
    }

    private List<ProcessHandle> awaitExit(List<ProcessHandle> handles) {
        try {
            CompletableFuture.allOf(handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // some are still running: the caller sees which
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return handles.stream().filter(ProcessHandle::isAlive).toList();
    }

    /**
     * A process to stop.
     *
     * @param process what {@code /proc} said about it
     * @param owner   the dead JVM that started it (one of them, if it named several)
     */
    record Stale(ProcessTable.Entry process, RunOwner owner) {
    }
}
