package org.cusax.testbed.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A one-shot external command with a time limit; stdout and stderr are captured together.
 * Arguments that are secrets can be masked in {@link #toString()} and in error messages.
 */
public final class Command {

    /** What a finished command left behind. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private final List<Integer> secretArgs = new ArrayList<>();
    private Path directory;
    private Duration timeout = Duration.ofSeconds(60);
    private String stdin;

    private Command(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        this.args.addAll(args);
    }

    public static Command of(String... args) {
        return new Command(List.of(args));
    }

    public static Command of(List<String> args) {
        return new Command(args);
    }

    /** Appends an argument that is never shown in logs or messages. */
    public Command secretArg(String value) {
        secretArgs.add(args.size());
        args.add(value);
        return this;
    }

    public Command arg(String value) {
        args.add(value);
        return this;
    }

    public Command directory(Path dir) {
        this.directory = dir;
        return this;
    }

    public Command env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Command timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    public Command stdin(String text) {
        this.stdin = text;
        return this;
    }

    /** Runs the command; a time-out kills it (and its children) and throws. */
    public Result run() {
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
        if (directory != null) {
            pb.directory(directory.toFile());
        }
        pb.environment().putAll(env);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + this + ": " + e.getMessage(), e);
        }
        try {
            if (stdin != null) {
                try (var in = p.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            OutputCollector out = new OutputCollector(p.getInputStream());
            out.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("command timed out after " + timeout.toSeconds() + " s: " + this
                        + "\n" + tail(out.text(), 20));
            }
            out.join(2000);
            return new Result(p.exitValue(), out.text());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + this, e);
        } catch (IOException e) {
            p.destroyForcibly();
            throw new UncheckedIOException("cannot feed stdin of " + this, e);
        }
    }

    /** Runs the command and throws, with its output, unless it exits with 0. */
    public String runOk() {
        Result r = run();
        if (!r.ok()) {
            throw new IllegalStateException("command failed (exit " + r.exitCode() + "): " + this
                    + "\n" + tail(r.output(), 20));
        }
        return r.output();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(secretArgs.contains(i) ? "*****" : args.get(i));
        }
        return b.toString();
    }

    /** The last {@code lines} lines of {@code text}. */
    public static String tail(String text, int lines) {
        String[] all = text.split("\n", -1);
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.asList(all).subList(from, all.length));
    }

    private static final class OutputCollector extends Thread {
        private final InputStream in;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        OutputCollector(InputStream in) {
            super("command-output");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (bytes) {
                        bytes.write(buf, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
