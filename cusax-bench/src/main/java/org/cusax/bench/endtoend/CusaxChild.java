package org.cusax.bench.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.cusax.testbed.process.ProcessHost;
import org.cusax.testbed.process.ServerProcess;

/**
 * The real {@code cusax} command ({@code org.cusax.app.Main}) in a child JVM on a {@link ProcessHost}, with this
 * JVM's class path and its own HOME (state, tokens); its {@code --json} events are read from its output.
 */
final class CusaxChild implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServerProcess process;
    private final Path output;

    private CusaxChild(ServerProcess process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code cusax ARGS} with {@code home} as HOME; output in {@code dir/NAME.out}. */
    static CusaxChild start(ProcessHost host, Path dir, Path home, String name, List<String> args) throws IOException {
        Files.createDirectories(home);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", classPath,
                "org.cusax.app.Main"));
        cmd.addAll(args);
        Path out = dir.resolve(name + ".out");
        ServerProcess p = new ServerProcess("cusax-" + name, host.command(cmd),
                Map.of("HOME", home.toString(), "XDG_STATE_HOME", home.resolve("state").toString(),
                        "XDG_CONFIG_HOME", home.resolve("config").toString(),
                        "XDG_DATA_HOME", home.resolve("data").toString()), dir, out, List.of());
        p.start(Duration.ofSeconds(10), () -> true);
        return new CusaxChild(p, out);
    }

    long pid() {
        return process.pid();
    }

    /** Every JSON line printed so far. */
    List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        for (String line : output().split("\n")) {
            if (line.startsWith("{\"type\"")) {
                try {
                    events.add(JSON.readTree(line));
                } catch (IOException e) {
                    // being written: read again later
                }
            }
        }
        return events;
    }

    /** Waits (polling its output every 50 ms) for an event of {@code type} matching {@code test}. */
    JsonNode await(String type, Predicate<JsonNode> test, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            Optional<JsonNode> e = events().stream().filter(n -> n.path("type").asText().equals(type))
                    .filter(test).findFirst();
            if (e.isPresent()) {
                return e.get();
            }
            if (process.exitCode().isPresent()) {
                throw new IllegalStateException("cusax exited with " + process.exitCode().getAsInt() + ":\n" + tail());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
        throw new TimeoutException("no " + type + " event from cusax within " + limit + ":\n" + tail());
    }

    long count(String type) {
        return events().stream().filter(n -> n.path("type").asText().equals(type)).count();
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String tail() {
        String all = output();
        return all.length() <= 3000 ? all : all.substring(all.length() - 3000);
    }

    @Override
    public void close() {
        process.stop();
    }
}
