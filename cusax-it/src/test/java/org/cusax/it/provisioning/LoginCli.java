package org.cusax.it.provisioning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cusax.it.support.CliProcess;

/**
 * The real {@code cusax} command in a child JVM whose host names resolve from a hosts file
 * ({@code jdk.net.hosts.file}: prov.D, xmpp.D, sip.D → 127.0.0.1), as a user's machine resolves its
 * provider's names; HOME is the test's directory. Killed if it runs past its limit.
 */
final class LoginCli {
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private final Path home;
    private final Path hosts;

    LoginCli(Path home, String domain) throws IOException {
        this(home, domain, "127.0.0.1");
    }

    /** As above, with the domain itself (its HTTPS origin) at {@code domainAddress}. */
    LoginCli(Path home, String domain, String domainAddress) throws IOException {
        this.home = home;
        this.hosts = home.resolve("hosts");
        Files.createDirectories(home);
        Files.writeString(hosts, "127.0.0.1 localhost prov." + domain + " xmpp." + domain + " sip."
                + domain + " elsewhere." + domain + "\n" + domainAddress + " " + domain + "\n");
    }

    /** A command left running (listen, admin serve): its stdout and stderr go to one file. */
    record Background(Process process, Path output) implements AutoCloseable {
        String text() {
            try {
                return Files.readString(output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    Result run(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process p = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError("cusax " + String.join(" ", args) + " still running after 90 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }

    /** Starts {@code cusax ARGS} and returns at once; close() stops it (SIGTERM, then SIGKILL). */
    Background start(String name, String... args) throws IOException {
        Path out = home.resolve(name + ".out");
        return new Background(builder(args).redirectErrorStream(true).redirectOutput(out.toFile()).start(), out);
    }

    private ProcessBuilder builder(String... args) {
        List<String> jvm = new ArrayList<>(CliProcess.childJvm("org.cusax.app.Main"));
        jvm.add(1, "-Djdk.net.hosts.file=" + hosts);
        jvm.add(1, "-Duser.home=" + home);
        jvm.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(jvm)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("CUSAX_CONFIG");
        pb.environment().putAll(CliProcess.childEnvironment(java.util.Map.of()));
        return pb;
    }
}
