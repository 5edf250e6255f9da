package org.cusax.it.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cusax.app.cli.CusaxCli;
import org.junit.jupiter.api.Test;

/**
 * The demo's error path: when its walkthrough fails with an exception (here the client cannot even be
 * built), the sandbox it started is still stopped and its temporary directory (passwords, CA key)
 * deleted; the exit code is 1 (internal error) and the cause is on stderr.
 */
class DemoFailureIT {
    @Test
    void anExceptionInTheWalkthroughStillStopsTheSandboxAndDeletesItsDirectory() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CusaxCli(config -> {
            throw new IllegalStateException("no client today");
        }, Map.of(), Path.of(System.getProperty("user.home")), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute("demo", "--json", "--no-keep");

        assertThat(code).as("stderr: %s", err).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no client today");
        JsonNode sandbox = null;
        for (String line : out.toString(StandardCharsets.UTF_8).strip().split("\n")) {
            JsonNode n = new ObjectMapper().readTree(line);
            if (n.path("type").asText().equals("sandbox")) {
                sandbox = n;
            }
        }
        assertThat(sandbox).as("the sandbox started: %s", out).isNotNull();
        Path dir = Path.of(sandbox.get("dir").asText());
        assertThat(Files.exists(dir)).as("the sandbox directory %s after the failure", dir).isFalse();
    }
}
