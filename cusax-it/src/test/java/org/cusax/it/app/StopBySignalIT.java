package org.cusax.it.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.cusax.it.support.Await;
import org.cusax.it.support.CliProcess;
import org.cusax.testbed.process.ProcessHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what {@code kill}, a service manager or a closing terminal sends) and SIGINT (Ctrl-C) to the
 * long-running commands, each the real {@code cusax} in a child JVM: {@code sandbox},
 * {@code listen} and {@code demo} stop cleanly and exit 0 (docs/cli.md), well within the grace period
 * before SIGKILL; the sandbox's temporary directory (passwords, CA key, recordings) is gone afterwards,
 * also when the demo is stopped in the middle of its walkthrough or in its interactive session.
 */
class StopBySignalIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void sandboxAndListenStoppedBySigtermExitZeroAfterACleanStop() {
        try (CliProcess sandbox = CliProcess.start(ProcessHost.LOCAL, dir, "sandbox", List.of("sandbox", "--json"))) {
            JsonNode started = sandbox.await("sandbox", WAIT);
            Path sandboxDir = Path.of(started.get("dir").asText());
            String demoConfig = started.get("users").get(0).get("config").asText();
            try (CliProcess listen = CliProcess.start(ProcessHost.LOCAL, dir, "listen",
                    List.of("listen", "--json", "-c", demoConfig))) {
                for (String half : List.of("Chat", "Telephony")) {
                    listen.await("connection", e -> e.path("label").asText().equals(half)
                            && e.path("state").asText().equals("online"), WAIT);
                }
                assertThat(listen.terminate()).as("listen's exit code after SIGTERM; output:%n%s", listen.output())
                        .isZero();
                assertThat(listen.events("connection")).as("logged out on both halves before exiting")
                        .filteredOn(e -> e.path("state").asText().equals("offline")).hasSize(2);
            }
            assertThat(sandboxDir).isDirectory();
            assertThat(sandbox.terminate()).as("sandbox's exit code after SIGTERM; output:%n%s", sandbox.output())
                    .isZero();
            assertThat(sandboxDir).as("the sandbox's temporary directory").doesNotExist();
        }
    }

    @Test
    void theDemoStoppedByCtrlCDuringItsWalkthroughCleansUpAndExitsZero() {
        stopTheDemoAt("4. A call to the greeting peer", true);
    }

    @Test
    void theDemoStoppedBySigtermInItsInteractiveSessionCleansUpAndExitsZero() {
        stopTheDemoAt("The walkthrough is done", false);
    }

    private void stopTheDemoAt(String step, boolean ctrlC) {
        try (CliProcess demo = CliProcess.startWithStdin(ProcessHost.LOCAL, dir, "demo",
                List.of("demo", "--json", "--keep"))) {
            Path sandboxDir = Path.of(demo.await("sandbox", WAIT).get("dir").asText());
            Await.until("the demo at '" + step + "'", WAIT, demo::output, out -> out.contains(step));
            assertThat(sandboxDir).isDirectory();
            int code = ctrlC ? demo.interruptLikeCtrlC(Duration.ofSeconds(10)) : demo.terminate();
            assertThat(code).as("demo's exit code after %s; output:%n%s", ctrlC ? "SIGINT" : "SIGTERM", demo.output())
                    .isZero();
            assertThat(sandboxDir).as("the demo's sandbox directory (passwords, CA key, recordings)")
                    .satisfies(d -> assertThat(Files.exists(d)).isFalse());
            assertThat(demo.output()).contains("Demo finished");
        }
    }
}
