package org.cusax.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the demo's interactive session splits a typed line into command words. */
class DemoSessionTest {
    @Test
    void wordsAreSplitOnSpacesAndQuotesKeepSpaces() {
        assertThat(DemoSession.words("  chat echo@cusax.test  \"Hello there\" 'it''s'  ")).containsExactly("chat",
                "echo@cusax.test", "Hello there", "its");
        assertThat(DemoSession.words("call +33612345678 --hangup-after 3")).containsExactly("call", "+33612345678",
                "--hangup-after", "3");
        assertThat(DemoSession.words("chat bob@x \"\"")).containsExactly("chat", "bob@x", "");
        assertThat(DemoSession.words("   ")).isEmpty();
    }

    @Test
    void helpWithACommandShowsThatCommandsOptions() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        CusaxCli cli = new CusaxCli(cfg -> {
            throw new AssertionError("the session's client is used");
        }, java.util.Map.of(), java.nio.file.Path.of("/nonexistent-home"),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8))
                .withInput(new java.io.ByteArrayInputStream("help chat\nhelp nosuch\nquit\n".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
        try (StopSignal stop = new StopSignal()) {
            new DemoSession(cli, null, java.nio.file.Path.of("demo.conf")).run(null, stop);
        }
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Usage: cusax chat")
                .contains("--timeout");
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("no help for 'nosuch'");
    }

    @Test
    void underJsonHelpIsOneObjectPerLine() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        CusaxCli cli = new CusaxCli(cfg -> {
            throw new AssertionError("the session's client is used");
        }, java.util.Map.of(), java.nio.file.Path.of("/nonexistent-home"),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), System.err)
                .withInput(new java.io.ByteArrayInputStream("help history\nquit\n".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
        cli.json = true;
        try (StopSignal stop = new StopSignal()) {
            new DemoSession(cli, null, java.nio.file.Path.of("demo.conf")).run(null, stop);
        }
        var lines = out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).singleElement().satisfies(l -> {
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(l);
            assertThat(json.get("type").asText()).isEqualTo("help");
            assertThat(json.get("command").asText()).isEqualTo("history");
            assertThat(json.get("text").asText()).contains("Usage: cusax history").contains("--contact");
        });
    }
}
