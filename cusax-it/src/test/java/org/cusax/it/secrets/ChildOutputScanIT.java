package org.cusax.it.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.cusax.it.support.CliProcess;
import org.cusax.testbed.process.ProcessHost;
import org.cusax.testbed.secrets.TestPasswords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 6: the secret scan sees what {@code cusax} child JVMs write. A test password is planted in a
 * child's output ({@code NAME.out}, its stdout and stderr) and in a file inside the temporary directory of a
 * sandbox that a child ({@code cusax sandbox}) made and removes at exit; {@link LeakSweep}, the very walk
 * {@link SecretLeakScan} makes at the end of the build, reports both files. The planted files are then deleted,
 * so the build's own scan stays clean.
 */
class ChildOutputScanIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<Path> planted = new ArrayList<>();

    @AfterEach
    void removePlanted() throws IOException {
        for (Path p : planted) {
            Files.deleteIfExists(p);
        }
    }

    private static Path reactorRoot() {
        // surefire runs in cusax-it/: its parent holds every module's target/
        return Path.of(System.getProperty("cusax.reactor.root", "..")).toAbsolutePath().normalize();
    }

    @Test
    void aPasswordInAChildsOutputIsFound() throws Exception {
        String password = TestPasswords.next();
        Path missing = dir.resolve("no-such-" + password + ".conf");
        CliProcess status = CliProcess.start(ProcessHost.LOCAL, dir, "planted-status",
                List.of("status", "-c", missing.toString()));
        try {
            assertThat(status.awaitExit(WAIT)).isNotZero();
            assertThat(status.output().contains(password)).as("the child names the file it could not read").isTrue();
        } finally {
            status.terminate(); // not close(): that would copy the child's log lines, password included, into ours
        }
        Path out = dir.resolve("planted-status.out");
        planted.add(out);
        assertThat(LeakSweep.sweep(reactorRoot()).leaks()).as("files the sweep flags")
                .extracting(p -> p.toAbsolutePath().normalize()).contains(out.toAbsolutePath().normalize());
    }

    @Test
    void aPasswordInTheSandboxDirectoryOfAChildIsFoundAfterTheChildRemovedIt() throws Exception {
        assertThat(ScannedTempDirFactory.childSandboxes()).as("the build keeps its temporary directories").isPresent();
        Path sandboxDir;
        try (CliProcess sandbox = CliProcess.start(ProcessHost.LOCAL, dir, "planted-sandbox", List.of("sandbox", "--json"))) {
            JsonNode started = sandbox.await("sandbox", WAIT);
            sandboxDir = Path.of(started.get("dir").asText());
            Files.writeString(sandboxDir.resolve("planted.log"), "login failed for alice with password "
                    + TestPasswords.next() + "\n");
            assertThat(sandbox.terminate()).as("exit code after SIGTERM; output:%n%s", sandbox.output()).isZero();
        }
        assertThat(sandboxDir).as("the child removed its temporary directory").doesNotExist();
        Path kept = ScannedTempDirFactory.childSandboxes().get().resolve(sandboxDir.getFileName()).resolve("planted.log");
        planted.add(kept);
        assertThat(kept).as("moved where the scan reads").exists();
        assertThat(LeakSweep.sweep(reactorRoot()).leaks()).as("files the sweep flags")
                .extracting(p -> p.toAbsolutePath().normalize()).contains(kept.toAbsolutePath().normalize());
    }
}
