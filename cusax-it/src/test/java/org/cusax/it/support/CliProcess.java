package org.cusax.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.cusax.testbed.process.ProcessHost;
import org.cusax.testbed.process.ServerProcess;

/**
 * The real {@code cusax} command ({@code org.cusax.app.Main}) in a child JVM on a
 * {@link ProcessHost} (e.g. inside an isolated namespace, where only programs run there reach the
 * servers), with this test JVM's class path. Its {@code --json} events are read from its stdout;
 * a test failure or JVM exit never leaves it running.
 */
public final class CliProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CliProcess.class);

    private final ServerProcess process;
    private final Path output;

    private CliProcess(ServerProcess process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code cusax ARGS} on {@code host}; output goes to {@code dir/NAME.out}. */
    public static CliProcess start(ProcessHost host, Path dir, String name, List<String> args) {
        return start(host, dir, name, args, Map.of());
    }

    /**
     * The same with extra environment variables, e.g. a HOME whose {@code .asoundrc} points ALSA (and so Java
     * Sound, which reads ALSA's configuration through HOME) at a test's own sound server.
     */
    public static CliProcess start(ProcessHost host, Path dir, String name, List<String> args,
                                   Map<String, String> environment) {
        List<String> cmd = new ArrayList<>(childJvm("org.cusax.app.Main"));
        cmd.addAll(args);
        Path out = dir.resolve(name + ".out");
        ServerProcess p = new ServerProcess("cusax-" + name, host.command(cmd), childEnvironment(environment), dir, out,
                List.of());
        p.start(Duration.ofSeconds(10), () -> true);
        return new CliProcess(p, out);
    }

    /** Like {@link #start}, with the command's stdin kept open as a pipe (an interactive session waits on it). */
    public static CliProcess startWithStdin(ProcessHost host, Path dir, String name, List<String> args) {
        List<String> cmd = new ArrayList<>(childJvm("org.cusax.app.Main"));
        cmd.addAll(args);
        Path out = dir.resolve(name + ".out");
        ServerProcess p = new ServerProcess("cusax-" + name, host.command(cmd), childEnvironment(Map.of()), dir, out,
                List.of()).withStdinPipe();
        p.start(Duration.ofSeconds(10), () -> true);
        return new CliProcess(p, out);
    }

    /**
     * SIGTERM, as {@code kill} or a service manager sends (SIGKILL only if it lingers past the grace period);
     * waits until the command has exited and returns its exit code (143: the JVM ended by the signal).
     */
    public int terminate() {
        process.stop();
        return process.exitCode().orElse(-1);
    }

    /** SIGINT, what Ctrl-C in a terminal sends; waits (bounded) until the command has exited, returns its exit code. */
    public int interruptLikeCtrlC(Duration limit) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -INT " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return awaitExit(limit);
    }

    /**
     * The environment of every {@code cusax} child: {@code extra}, and (when the build keeps its temporary
     * directories for {@code SecretLeakScan}) {@code CUSAX_SANDBOX_KEEP_FILES_IN}, so that a sandbox the child
     * starts by itself is moved there at exit instead of deleted, and scanned like every file of the run.
     * Its stdout and stderr go to {@code NAME.out} in the directory the test gives, a {@code @TempDir} or
     * a testbed's run directory, both scanned.
     */
    public static Map<String, String> childEnvironment(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(extra);
        org.cusax.it.secrets.ScannedTempDirFactory.childSandboxes()
                .ifPresent(d -> env.putIfAbsent("CUSAX_SANDBOX_KEEP_FILES_IN", d.toString()));
        return Map.copyOf(env);
    }

    /** A small JVM running {@code mainClass} with this test JVM's class path (add the arguments). */
    public static List<String> childJvm(String mainClass) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath, mainClass);
    }

    /** Every JSON event printed so far (other lines, e.g. log warnings on stderr, are skipped). */
    public List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        for (String line : output().split("\n")) {
            if (line.startsWith("{\"type\"")) {
                try {
                    events.add(JSON.readTree(line));
                } catch (IOException e) {
                    // a line being written right now: read again later
                }
            }
        }
        return events;
    }

    /** The events of {@code type} so far. */
    public List<JsonNode> events(String type) {
        return events().stream().filter(e -> e.path("type").asText().equals(type)).toList();
    }

    /** Waits for an event of {@code type} matching {@code test}; fails with the output if none comes. */
    public JsonNode await(String type, Predicate<JsonNode> test, Duration limit) {
        try {
            return Await.until(type + " event", limit,
                    () -> events(type).stream().filter(test).findFirst().orElse(null), e -> e != null);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\noutput of " + process.name() + ":\n" + output(), e);
        }
    }

    public JsonNode await(String type, Duration limit) {
        return await(type, e -> true, limit);
    }

    /** Waits until the command exits and returns its exit code; fails if it is still running after {@code limit}. */
    public int awaitExit(Duration limit) {
        OptionalInt code = Await.until(process.name() + " to exit", limit, process::exitCode, OptionalInt::isPresent);
        return code.getAsInt();
    }

    /** The lines that are not JSON events: the command's log (warnings and errors at the default level). */
    public List<String> logLines() {
        return output().lines().filter(l -> !l.startsWith("{\"type\"") && !l.isBlank()).toList();
    }

    /** stdout and stderr so far. */
    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGTERM (the command logs out cleanly), then SIGKILL if it lingers; logs what the command logged. */
    @Override
    public void close() {
        process.stop();
        List<String> log = logLines();
        if (!log.isEmpty()) {
            LOG.info("{} logged:\n{}", process.name(), String.join("\n", log));
        }
    }
}
