package org.cusax.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.event.EventBus;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line itself: help on every command, usage errors, exit codes, config lookup, JSON lines. */
class CliUsageTest {
    private static final ChannelSecurity TLS = ChannelSecurity.tls("TLSv1.3", "TLS_AES_256_GCM_SHA384", "cusax.test",
            "SCRAM-SHA-1");

    @TempDir
    Path dir;
    private Path config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("cusax.conf");
        Files.writeString(config, """
                xmpp.jid = alice@cusax.test
                xmpp.password = xpw
                sip.aor = sip:alice@cusax.test
                sip.password = spw
                """);
    }

    private CusaxCli cli(Map<String, String> env) {
        return new CusaxCli(cfg -> new CusaxClient(cfg.link(),
                Optional.of(new FakeChatPort().whenStarted(p -> p.goOnline(TLS))),
                Optional.of(new FakeTelephonyPort().whenStarted(p -> p.register(TLS))), new EventBus(),
                new ContactBook(new AddressNormalizer("FR")), cfg.contacts().telPreference()),
                env, dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return cli(Map.of()).execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "chat", "listen", "roster", "call", "history", "demo", "sandbox"})
    void everyCommandHasHelp(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(stdout()).startsWith("Usage: cusax " + command).contains("-h, --help");
        out.reset();
        assertThat(run(command, "-h")).isZero();
        assertThat(stdout()).startsWith("Usage: cusax " + command);
        out.reset();
        assertThat(run(command, "--version")).isZero();
        assertThat(stdout()).startsWith("cusax ");
    }

    @Test
    void anUnknownCommandIsAUsageErrorEvenWithHelp() {
        assertThat(run("nosuch", "--help")).isEqualTo(ExitCodes.USAGE);
        assertThat(stderr()).contains("Unknown command or argument: 'nosuch'");
        assertThat(stdout()).isEmpty();
        assertThat(run("nosuch")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("status", "--nosuch", "--help")).isEqualTo(ExitCodes.USAGE);
        assertThat(stderr()).contains("Unknown option: '--nosuch'");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(stderr()).contains("missing command").contains("Usage: cusax");
    }

    @Test
    void theTopLevelHelpListsEveryExitCode() {
        assertThat(run("--help")).isZero();
        List<String> lines = stdout().lines().toList();
        for (int code = 0; code <= 8; code++) {
            String prefix = String.valueOf(code);
            assertThat(lines).as("exit code %d", code).anyMatch(l -> l.strip().startsWith(prefix + " ")
                    || l.strip().startsWith(prefix + "\t") || l.matches("\\s+" + prefix + "\\s+\\S.*"));
        }
        assertThat(stdout()).contains("Ctrl-C or SIGTERM");
    }

    @Test
    void aConfigurationErrorUnderJsonIsOneJsonObject() throws Exception {
        Files.writeString(config, "xmpp.jid = alice@cusax.test\nxmpp.passwrd = x\n");
        for (String command : List.of("status", "roster", "history")) {
            out.reset();
            assertThat(run(command, "-c", config.toString(), "--json")).isEqualTo(ExitCodes.CONFIG);
            List<String> lines = stdout().lines().toList();
            assertThat(lines).as(command).hasSize(1);
            JsonNode error = new ObjectMapper().readTree(lines.get(0));
            assertThat(error.get("type").asText()).isEqualTo("error");
            assertThat(error.get("error").asText()).isEqualTo("configuration");
            assertThat(error.get("message").asText()).contains("xmpp.passwrd");
            assertThat(error.get("exitCode").asInt()).isEqualTo(3);
        }
    }

    @Test
    void jsonOutputIsOneObjectPerLine() throws Exception {
        for (String command : List.of("status", "roster")) {
            out.reset();
            run(command, "-c", config.toString(), "--json", "--timeout", "2s");
            List<String> lines = stdout().lines().toList();
            assertThat(lines).as(command).hasSize(1);
            assertThat(new ObjectMapper().readTree(lines.get(0)).isObject()).isTrue();
        }
    }

    @Test
    void theDefaultConfigFileFollowsTheXdgBaseDirectorySpecification() {
        Path xdg = dir.resolve("xdg");
        assertThat(cli(Map.of("XDG_CONFIG_HOME", xdg.toString(), "HOME", "/home/u")).configPath())
                .isEqualTo(xdg.resolve("cusax/cusax.conf"));
        assertThat(cli(Map.of("XDG_CONFIG_HOME", "relative/dir", "HOME", "/home/u")).configPath())
                .as("a relative XDG_CONFIG_HOME is ignored").isEqualTo(Path.of("/home/u/.config/cusax/cusax.conf"));
        assertThat(cli(Map.of("HOME", "/home/u")).configPath()).isEqualTo(Path.of("/home/u/.config/cusax/cusax.conf"));
        assertThat(cli(Map.of()).configPath()).isEqualTo(dir.resolve(".config/cusax/cusax.conf"));
        assertThat(cli(Map.of("CUSAX_CONFIG", "/etc/c.conf", "XDG_CONFIG_HOME", xdg.toString())).configPath())
                .isEqualTo(Path.of("/etc/c.conf"));
    }
}
