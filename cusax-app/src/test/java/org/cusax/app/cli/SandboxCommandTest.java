package org.cusax.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Bad sandbox options are refused with a clear message and exit 2, before anything starts. */
class SandboxCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CusaxCli(cfg -> {
            throw new AssertionError("no client may be built");
        }, Map.of(), Path.of("/nonexistent-home"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    @Test
    void badOptionsOfSandboxAndDemoAreUsageErrors() {
        assertThat(run("sandbox", "--domain", "not a domain")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cusax sandbox:").contains("not a domain");
        assertThat(run("sandbox", "--xmpp-port", "70000")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("demo", "--digest", "sha-512-256")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cusax demo:").contains("SHA-512-256");
        assertThat(run("sandbox", "--sip-udp-port", "x")).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("cusax sandbox for domain");
    }
}
