package org.cusax.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cusax.app.api.ApiResponse;
import org.cusax.app.api.CommandRegistry;
import org.cusax.app.provisioning.SignIn;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigFile;
import org.cusax.core.provisioning.ConfiguredSecurity;
import org.cusax.core.provisioning.ProvisioningException;
import org.cusax.core.provisioning.ProvisioningException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The web page's sign-in commands (RFC 7081 §2: a client signs in to both halves with one identity; provisioning
 * over HTTPS): the stable error codes of each refusal, progress in {@code session-state}, the session started
 * only after a kept configuration, manual settings kept with mode 600, sign-out — and no password in any answer.
 */
class SignInCommandsTest {
    private static final String PASSWORD = "pw-SECRET-marker-7Hq";

    @TempDir
    Path dir;

    private final List<ClientConfig> started = new ArrayList<>();
    private int stops;
    private String refuseWith;

    private final SessionStarter starter = new SessionStarter() {
        @Override
        public void start(ClientConfig config) throws Refused {
            if (refuseWith != null) {
                throw new Refused(refuseWith, null);
            }
            started.add(config);
        }

        @Override
        public void stop() {
            stops++;
        }
    };

    private ClientConfigLoader loader() {
        return new ClientConfigLoader(Map.of(), dir);
    }

    private CommandRegistry registry(SignInCommands.LoginCore login) {
        CommandRegistry r = new CommandRegistry();
        new SignInCommands(login, dir.resolve("cusax.conf"), Optional.empty(), loader(), starter, Optional.empty())
                .registerIn(r);
        return r;
    }

    private static ApiResponse uninterrupted(CommandRegistry r, String name, Map<String, Object> params) {
        try {
            return r.execute(name, params);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String json(ApiResponse r) throws Exception {
        return new ObjectMapper().writeValueAsString(r.toJson());
    }

    private static Map<?, ?> data(ApiResponse r) {
        assertThat(r.ok()).as("%s", r.error()).isTrue();
        return (Map<?, ?>) r.data();
    }

    private ClientConfig provisioned() {
        return loader().load(ConfigFile.parse("test", "xmpp.jid = bob@example.test\nxmpp.password = x\n"
                + "sip.aor = sip:bob@example.test\nsip.password = x\n"));
    }

    @Test
    void aWrongPasswordIsSignInRefusedAndStartsNothing() throws Exception {
        CommandRegistry r = registry((id, pw, report) -> {
            report.accept("asking https://prov.example.test for bob@example.test's configuration");
            throw new ProvisioningException(Kind.AUTHENTICATION, "prov.example.test refused the user id or password");
        });

        ApiResponse answer = r.execute("sign-in", Map.of("user", "bob@example.test", "password", PASSWORD));

        assertThat(answer.error().orElseThrow().code().token()).isEqualTo("sign-in-refused");
        assertThat(answer.error().get().code().httpStatus()).isEqualTo(403);
        assertThat(started).isEmpty();
        Map<?, ?> state = data(r.execute("session-state", Map.of()));
        assertThat(state.get("state")).isEqualTo("signed-out");
        assertThat(state.get("steps")).asList().containsExactly(
                "asking https://prov.example.test for bob@example.test's configuration");
        assertThat(((Map<?, ?>) state.get("error")).get("code")).isEqualTo("sign-in-refused");
        assertThat(json(answer) + json(r.execute("session-state", Map.of()))).doesNotContain(PASSWORD);
    }

    @Test
    void eachProvisioningFailureHasItsOwnCode() throws Exception {
        Map<Kind, String> expected = Map.of(Kind.THROTTLED, "throttled", Kind.NOT_FOUND, "not-discovered",
                Kind.CERTIFICATE, "provisioning-failed", Kind.UNREACHABLE, "provisioning-failed",
                Kind.INSECURE_URL, "provisioning-failed");
        for (var e : expected.entrySet()) {
            CommandRegistry r = registry((id, pw, report) -> {
                throw new ProvisioningException(e.getKey(), "because", Optional.of(Duration.ofSeconds(42)), null);
            });
            ApiResponse answer = r.execute("sign-in", Map.of("user", "bob@example.test", "password", PASSWORD));
            assertThat(answer.error().orElseThrow().code().token()).as("%s", e.getKey()).isEqualTo(e.getValue());
            if (e.getKey() == Kind.THROTTLED) {
                assertThat(answer.error().get().details()).containsEntry("retryAfterSeconds", 42L);
            }
            if (e.getKey() == Kind.CERTIFICATE) {
                assertThat(answer.error().get().details()).containsEntry("kind", "certificate");
            }
        }
    }

    @Test
    void aGoodSignInStartsTheSessionOnceThenRefusesAnother() throws Exception {
        ClientConfig config = provisioned();
        CommandRegistry r = registry((id, pw, report) -> {
            assertThat(pw.reveal()).isEqualTo(PASSWORD);
            report.accept("received version 3 (9 settings)");
            return new SignIn.Result("provisioning", Optional.of(java.net.URI.create("https://prov.example.test/p")),
                    Optional.of("3"), config, ConfiguredSecurity.of(config.link()));
        });

        Map<?, ?> ok = data(r.execute("sign-in", Map.of("user", "bob@example.test", "password", PASSWORD)));

        assertThat(started).containsExactly(config);
        assertThat(ok.get("state")).isEqualTo("signed-in");
        assertThat(ok.get("account")).isEqualTo("bob@example.test");
        assertThat(ok.get("version")).isEqualTo("3");
        assertThat(ok.get("steps")).asList().contains("received version 3 (9 settings)", "starting the session");
        ApiResponse again = r.execute("sign-in", Map.of("user", "bob@example.test", "password", PASSWORD));
        assertThat(again.error().orElseThrow().code().token()).isEqualTo("conflict");
        assertThat(started).hasSize(1);
        assertThat(json(again)).doesNotContain(PASSWORD);

        Map<?, ?> out = data(r.execute("sign-out", Map.of()));
        assertThat(stops).isEqualTo(1);
        assertThat(out.get("state")).isEqualTo("signed-out");
        assertThat(r.execute("sign-out", Map.of()).error().orElseThrow().code().token()).isEqualTo("conflict");
    }

    @Test
    void whileTheLoginRunsSessionStateShowsItsStepsSoFar() throws Exception {
        ClientConfig config = provisioned();
        List<Map<?, ?>> seen = new ArrayList<>();
        CommandRegistry[] r = new CommandRegistry[1];
        r[0] = registry((id, pw, report) -> {
            report.accept("looking up _cusax-provisioning._tcp.example.test");
            seen.add(data(uninterrupted(r[0], "session-state", Map.of())));
            ApiResponse second = uninterrupted(r[0], "sign-in", Map.of("user", "bob@example.test", "password", PASSWORD));
            assertThat(second.error().orElseThrow().message()).isEqualTo("a sign-in is under way");
            return new SignIn.Result("dns", Optional.empty(), Optional.empty(), config, ConfiguredSecurity.of(config.link()));
        });

        data(r[0].execute("sign-in", Map.of("user", "bob@example.test", "password", PASSWORD)));

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).get("state")).isEqualTo("signing-in");
        assertThat(seen.get(0).get("steps")).asList().containsExactly("looking up _cusax-provisioning._tcp.example.test");
        assertThat(started).hasSize(1);
    }

    @Test
    void aSessionThatCannotStartLeavesThePageSignedOutWithTheReason() throws Exception {
        ClientConfig config = provisioned();
        refuseWith = "bob@example.test: served by another daemon (pid 99)";
        CommandRegistry r = registry((id, pw, report) -> new SignIn.Result("dns", Optional.empty(), Optional.empty(),
                config, ConfiguredSecurity.of(config.link())));

        ApiResponse answer = r.execute("sign-in", Map.of("user", "bob@example.test", "password", PASSWORD));

        assertThat(answer.error().orElseThrow().code().token()).isEqualTo("conflict");
        assertThat(answer.error().get().message()).contains("pid 99");
        assertThat(data(r.execute("session-state", Map.of())).get("state")).isEqualTo("signed-out");
    }

    @Test
    void missingOrBadParametersAreBadRequests() throws Exception {
        CommandRegistry r = registry((id, pw, report) -> {
            throw new AssertionError("not reached");
        });
        assertThat(r.execute("sign-in", Map.of("user", "bob@example.test")).error().orElseThrow().code().token())
                .isEqualTo("bad-request");
        assertThat(r.execute("sign-in", Map.of("user", "not a user id", "password", PASSWORD)).error().orElseThrow()
                .code().token()).isEqualTo("bad-request");
        assertThat(r.execute("sign-in-manual", Map.of("password", PASSWORD)).error().orElseThrow().code().token())
                .isEqualTo("bad-request");
        assertThat(Files.exists(dir.resolve("cusax.conf"))).isFalse();
        assertThat(Files.exists(dir.resolve("cusax.password"))).isFalse();
    }

    @Test
    void manualSettingsAreKeptPrivatelyAndStartTheSession() throws Exception {
        CommandRegistry r = registry((id, pw, report) -> {
            throw new AssertionError("manual settings use no provisioning");
        });

        Map<?, ?> ok = data(r.execute("sign-in-manual", Map.of("xmppJid", "carol@example.test", "xmppHost", "127.0.0.1",
                "xmppPort", "15222", "sipAor", "carol@example.test", "sipProxy", "127.0.0.1", "sipPort", "15061",
                "sipTransport", "tls", "password", PASSWORD, "sipPassword", PASSWORD + "-sip")));

        assertThat(ok.get("state")).isEqualTo("signed-in");
        assertThat(ok.get("source")).isEqualTo("manual");
        ClientConfig config = started.get(0);
        assertThat(config.link().chat().orElseThrow().address()).isEqualTo("carol@example.test");
        assertThat(config.link().telephony().orElseThrow().address()).isEqualTo("sip:carol@example.test");
        assertThat(config.link().chat().get().server().port()).isEqualTo(15222);
        Path conf = dir.resolve("cusax.conf");
        String text = Files.readString(conf);
        assertThat(text).startsWith("# Written by cusax login").contains("sip.proxy.host = 127.0.0.1")
                .doesNotContain(PASSWORD);
        for (Path p : List.of(conf, dir.resolve("cusax.password"), dir.resolve("cusax.sip.password"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as("%s", p).isEqualTo("rw-------");
        }
        assertThat(Files.readString(dir.resolve("cusax.sip.password")).strip()).isEqualTo(PASSWORD + "-sip");
        // the loaded configuration is the one the client will load from the kept file
        ClientConfig reloaded = loader().load(ConfigFile.read(conf));
        assertThat(reloaded.link()).isEqualTo(config.link());
        assertThat(json(r.execute("session-state", Map.of()))).doesNotContain(PASSWORD);
    }

    @Test
    void invalidManualSettingsKeepNothing() throws Exception {
        CommandRegistry r = registry((id, pw, report) -> {
            throw new AssertionError("not reached");
        });

        ApiResponse answer = r.execute("sign-in-manual", Map.of("xmppJid", "carol@example.test", "xmppPort", "seventy",
                "password", PASSWORD));

        assertThat(answer.error().orElseThrow().code().token()).isEqualTo("bad-request");
        assertThat(answer.error().get().message()).contains("xmpp.port").doesNotContain(PASSWORD);
        assertThat(started).isEmpty();
        assertThat(Files.exists(dir.resolve("cusax.conf"))).isFalse();
        assertThat(Files.exists(dir.resolve("cusax.password"))).isFalse();
    }

    @Test
    void aConfigFileNotWrittenByALoginIsNotReplaced() throws Exception {
        Files.writeString(dir.resolve("cusax.conf"), "xmpp.jid = someone@example.test\n");
        CommandRegistry r = registry((id, pw, report) -> {
            throw new AssertionError("not reached");
        });

        ApiResponse answer = r.execute("sign-in-manual", Map.of("xmppJid", "carol@example.test", "password", PASSWORD));

        assertThat(answer.error().orElseThrow().code().token()).isEqualTo("conflict");
        assertThat(Files.readString(dir.resolve("cusax.conf"))).isEqualTo("xmpp.jid = someone@example.test\n");
    }
}
