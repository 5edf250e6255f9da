package org.cusax.testbed.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program whose main process dies leaves its forked children to PID 1, out of reach of
 * {@link Process#descendants()}: stop, kill9 and a failed start still end them (they carry the
 * program's {@value RunOwner#ENV} marker). The program is {@code sh} starting a background
 * {@code sleep} (the "worker") and then becoming another {@code sleep} (the "main process").
 */
class ServerProcessIT {

    private static final Duration EXIT = Duration.ofSeconds(15);
    private static final String FORK_THEN_SLEEP = "sleep 600 & echo $! > worker.pid; exec sleep 601";

    @TempDir
    Path dir;

    @Test
    void stopEndsAWorkerWhoseMainProcessDied() throws Exception {
        ServerProcess server = server("sh", "-c", FORK_THEN_SLEEP);
        ProcessHandle worker = null;
        try {
            server.start(Duration.ofSeconds(10), this::workerKnown);
            worker = orphanWorker(server);

            server.stop();

            assertThat(worker.isAlive()).isFalse();
        } finally {
            cleanUp(server, worker);
        }
    }

    @Test
    void kill9EndsAWorkerWhoseMainProcessDied() throws Exception {
        ServerProcess server = server("sh", "-c", FORK_THEN_SLEEP);
        ProcessHandle worker = null;
        try {
            server.start(Duration.ofSeconds(10), this::workerKnown);
            worker = orphanWorker(server);

            server.kill9();

            assertThat(worker.isAlive()).isFalse();
        } finally {
            cleanUp(server, worker);
        }
    }

    @Test
    void aStartFailingBecauseTheMainProcessExitedEndsWhatItForked() throws Exception {
        ServerProcess server = server("sh", "-c", "sleep 600 & echo $! > worker.pid; exit 3");
        ProcessHandle worker = null;
        try {
            assertThatThrownBy(() -> server.start(Duration.ofSeconds(10), () -> false))
                    .hasMessageContaining("exited with code 3 during start-up");
            worker = ProcessHandle.of(Long.parseLong(Files.readString(dir.resolve("worker.pid")).strip()))
                    .orElse(null);

            assertThat(worker == null || !worker.isAlive()).as("worker ended").isTrue();
        } finally {
            cleanUp(server, worker);
        }
    }

    @Test
    void stopLeavesAnotherProgramsProcessesAlone() throws Exception {
        ServerProcess first = server("sleep", "600");
        ServerProcess second = server("sleep", "601");
        try {
            first.start(Duration.ofSeconds(10), () -> true);
            second.start(Duration.ofSeconds(10), () -> true);

            first.stop();

            assertThat(first.isRunning()).isFalse();
            assertThat(second.isRunning()).isTrue();
        } finally {
            first.kill9();
            second.kill9();
        }
    }

    private ServerProcess server(String... command) {
        return new ServerProcess("tree", List.of(command), Map.of(), dir, dir.resolve("tree-" + command[0] + ".log"),
                List.of());
    }

    private boolean workerKnown() {
        try {
            return !Files.readString(dir.resolve("worker.pid")).isBlank();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Kills the main process (SIGKILL) and returns the worker it leaves behind, now a child of someone else. */
    private ProcessHandle orphanWorker(ServerProcess server) throws Exception {
        ProcessHandle worker = ProcessHandle.of(Long.parseLong(Files.readString(dir.resolve("worker.pid")).strip()))
                .orElseThrow();
        ProcessHandle main = ProcessHandle.of(server.pid()).orElseThrow();
        assertThat(worker.parent().map(ProcessHandle::pid)).contains(main.pid());
        main.destroyForcibly();
        main.onExit().get(EXIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(worker.isAlive()).isTrue();
        assertThat(worker.parent().map(ProcessHandle::pid)).isNotEqualTo(Optional.of(main.pid()));
        assertThat(main.descendants()).as("out of reach of descendants()").isEmpty();
        return worker;
    }

    private static void cleanUp(ServerProcess server, ProcessHandle worker) throws Exception {
        server.kill9();
        if (worker != null && worker.isAlive()) {
            worker.destroyForcibly();
            worker.onExit().get(EXIT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
