package org.cusax.testbed.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-running server program (with all the processes it forks). Output goes to a file;
 * start-up waits for a readiness check; stop is SIGTERM then SIGKILL; {@link #kill9()} is an
 * immediate SIGKILL of the whole process tree. Running instances are stopped by a JVM shutdown hook.
 *
 * <p>The program gets the environment variable {@value RunOwner#ENV} naming this JVM and the
 * program, which everything it forks inherits: stop and kill also find its processes that left the
 * tree (workers of a main process that died belong to PID 1, out of reach of
 * {@link Process#descendants()}), and {@link StaleRunReaper} finds them after this JVM died without
 * stopping them. The first start in a JVM reaps what dead runs left ({@link StaleRunReaper#reapOnce()}).
 */
public final class ServerProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final RunOwner OWNER = RunOwner.current();
    private static final AtomicLong SERIAL = new AtomicLong();

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path directory;
    private final Path outputFile;
    private final List<Path> logFiles;
    private final String marker = OWNER.format() + ":" + SERIAL.incrementAndGet();
    private boolean stdinPipe;
    private Process process;

    /**
     * @param name        short name used in messages ("prosody")
     * @param command     program and arguments
     * @param environment extra environment variables
     * @param directory   working directory
     * @param outputFile  where stdout and stderr are appended
     * @param logFiles    files whose tail explains a failure (the output file is always included)
     */
    public ServerProcess(String name, List<String> command, Map<String, String> environment, Path directory,
            Path outputFile, List<Path> logFiles) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.directory = directory;
        this.outputFile = outputFile;
        List<Path> logs = new ArrayList<>(logFiles);
        if (!logs.contains(outputFile)) {
            logs.add(outputFile);
        }
        this.logFiles = List.copyOf(logs);
    }

    /**
     * Keeps the program's stdin open as a pipe (instead of /dev/null) for {@link #sendLine(String)};
     * call before starting. Returns this.
     */
    public synchronized ServerProcess withStdinPipe() {
        this.stdinPipe = true;
        return this;
    }

    /** Writes {@code text} and a newline to the program's stdin (see {@link #withStdinPipe()}). */
    public synchronized void sendLine(String text) {
        send(text + "\n");
    }

    /** Writes {@code text} as it is to the program's stdin (see {@link #withStdinPipe()}). */
    public synchronized void send(String text) {
        if (!stdinPipe || process == null || !process.isAlive()) {
            throw new IllegalStateException(name + " is not running with a stdin pipe");
        }
        try {
            var in = process.getOutputStream();
            in.write(text.getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the stdin of " + name + ": " + e.getMessage(), e);
        }
    }

    /** The exit code once the program has ended; empty while it runs or if it never started. */
    public synchronized java.util.OptionalInt exitCode() {
        return process == null || process.isAlive() ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(process.exitValue());
    }

    /**
     * Starts the program and waits until {@code ready} holds. Fails with the log tail when the
     * program exits first or {@code limit} passes; the program is then killed.
     */
    public synchronized void start(Duration limit, BooleanSupplier ready) {
        start(limit, ready, () -> null);
    }

    /**
     * Like {@link #start(Duration, BooleanSupplier)}, and fails at once (killing the program) when
     * {@code fatal} returns a message, e.g. after finding an error line in the log.
     */
    public synchronized void start(Duration limit, BooleanSupplier ready, Supplier<String> fatal) {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile.toFile()))
                .redirectInput(stdinPipe ? ProcessBuilder.Redirect.PIPE
                        : ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(environment);
        pb.environment().put(RunOwner.ENV, marker);
        StaleRunReaper.reapOnce();
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
        ProcessRegistry.add(this);
        Process p = process;
        String[] fatalMessage = new String[1];
        boolean ok = Waits.until(limit, () -> {
            if (!p.isAlive()) {
                return true;
            }
            fatalMessage[0] = fatal.get();
            return fatalMessage[0] != null || ready.getAsBoolean();
        });
        if (fatalMessage[0] != null) {
            kill9();
            throw new IllegalStateException(name + " failed to start: " + fatalMessage[0] + "\n"
                    + "command: " + String.join(" ", command) + "\n" + logTail(40));
        }
        if (!p.isAlive()) {
            killAll(tree()); // what it forked before dying
            ProcessRegistry.remove(this);
            throw new IllegalStateException(name + " exited with code " + p.exitValue() + " during start-up.\n"
                    + "command: " + String.join(" ", command) + "\n" + logTail(40));
        }
        if (!ok) {
            kill9();
            throw new IllegalStateException(name + " was not ready within " + limit.toSeconds() + " s.\n"
                    + "command: " + String.join(" ", command) + "\n" + logTail(40));
        }
        LOG.info("{} started, pid {}", name, p.pid());
    }

    /** SIGTERM, then SIGKILL after a grace period; waits until every process of the tree is gone. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = tree();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("{} did not stop within {} s after SIGTERM: killing it", name, STOP_GRACE.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tree.addAll(tree()); // and what escaped the tree or was forked meanwhile
        killAll(tree);
        ProcessRegistry.remove(this);
        LOG.info("{} stopped", name);
    }

    /** SIGKILL to the program and every process it forked, like a crash; waits until they are gone. */
    public synchronized void kill9() {
        if (process == null) {
            return;
        }
        killAll(tree());
        ProcessRegistry.remove(this);
        LOG.info("{} killed with SIGKILL", name);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Process id of the main process; -1 if never started. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The last lines of every log file, each under a header; for error messages. */
    public String logTail(int lines) {
        StringBuilder b = new StringBuilder();
        for (Path f : logFiles) {
            b.append("---- last lines of ").append(f).append(" ----\n");
            try {
                if (Files.exists(f)) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    b.append(Command.tail(text.stripTrailing(), lines)).append('\n');
                } else {
                    b.append("(no such file)\n");
                }
            } catch (IOException | UncheckedIOException e) {
                b.append("(unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return b.toString();
    }

    public String name() {
        return name;
    }

    /** The main process, its descendants, and every process with this program's marker (re-parented ones too). */
    private List<ProcessHandle> tree() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        all.addAll(ProcessTable.marked(marker));
        return all;
    }

    private static void killAll(List<ProcessHandle> tree) {
        Map<Long, ProcessHandle> handles = new LinkedHashMap<>();
        tree.forEach(h -> handles.putIfAbsent(h.pid(), h));
        handles.values().forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : handles.values()) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("process {} still alive after SIGKILL", h.pid());
            }
        }
    }
}
