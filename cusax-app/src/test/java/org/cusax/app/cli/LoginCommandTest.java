package org.cusax.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cusax login}: the refusals that need no server (the servers are in cusax-it's LoginIT). */
class LoginCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CusaxCli(cfg -> {
            throw new AssertionError("login must not start a client");
        }, Map.of(), dir, o, e).withInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
                .execute(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpNamesTheOptionsAndTheDiscoveryOrder() {
        assertThat(run("", "login", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--provisioning-url", "--dns-server", "--trust-store",
                "--password-file", "_cusax-provisioning._tcp", "well-known/cusax-provisioning");
    }

    @Test
    void aPlainHttpUrlIsRefusedAndNothingIsWritten() {
        Path config = dir.resolve("c.conf");
        assertThat(run("secret\n", "login", "alice@example.com", "-c", config.toString(), "--provisioning-url",
                "http://prov.example.com/cusax/v1/provisioning")).isEqualTo(ExitCodes.PROVISIONING_FAILED);
        assertThat(err()).contains("refused http://prov.example.com").contains("https:// only");
        assertThat(config).doesNotExist();
        assertThat(dir.resolve("c.password")).doesNotExist();
    }

    @Test
    void theUserIdMustBeOne() {
        assertThat(run("secret\n", "login", "a@b@c", "-c", dir.resolve("c.conf").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("is not a user id");
    }

    @Test
    void aHandWrittenConfigIsNotReplacedWithoutForce() throws Exception {
        Path config = Files.writeString(dir.resolve("mine.conf"), "xmpp.jid = alice@example.com\n");
        assertThat(run("secret\n", "login", "alice@example.com", "-c", config.toString(), "--provisioning-url",
                "https://prov.example.com/x")).isEqualTo(ExitCodes.CONFIG);
        assertThat(err()).contains("was not written by cusax login");
        assertThat(Files.readString(config)).isEqualTo("xmpp.jid = alice@example.com\n");
    }

    @Test
    void noPasswordIsAClearError() {
        assertThat(run("", "login", "alice@example.com", "-c", dir.resolve("c.conf").toString(), "--provisioning-url",
                "https://prov.example.com/x")).isEqualTo(ExitCodes.CONFIG);
        assertThat(err()).contains("no password");
    }
}
