package org.cusax.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

import org.cusax.app.provisioning.SignIn;
import org.cusax.app.signin.SignInCommands;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigFile;
import org.cusax.core.event.EventBus;
import org.cusax.core.provisioning.ConfiguredSecurity;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon started signed out ({@code cusax serve --sign-in}): the page's one-time link and cookie work before any
 * session; only the sign-in commands answer; a sign-in starts the session on the same port, so the same cookie
 * now drives the whole registry (RFC 6265: a cookie is per host, here per port by its name); the signed-out token
 * file gives way to the account's lock and token; sign-out goes back, releasing the account.
 */
class SignedOutDaemonTest {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path dir;

    private HttpResponse<String> command(int port, String name, String cookie, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/commands/" + name))
                .header("Cookie", cookie).header("Origin", "http://127.0.0.1:" + port)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSameCookieSignsInDrivesTheSessionAndSignsOut() throws Exception {
        ClientConfig config = new ClientConfigLoader(Map.of(), dir).load(ConfigFile.parse("test",
                "xmpp.jid = bob@example.test\nxmpp.password = x\nsip.aor = sip:bob@example.test\nsip.password = x\n"
                        + "daemon.state-dir = " + dir.resolve("state") + "\nhistory.dir =\ncontacts.cache-dir =\n"));
        Path conf = dir.resolve("cusax.conf");
        try (SignedOutDaemon daemon = new SignedOutDaemon(c -> new CusaxClient(c.link(), Optional.of(new FakeChatPort()),
                Optional.of(new FakeTelephonyPort()), new EventBus()), new SecureRandom(), conf, dir.resolve("state"))) {
            SignInCommands commands = new SignInCommands((id, pw, report) -> new SignIn.Result("dns", Optional.empty(),
                    Optional.empty(), config, ConfiguredSecurity.of(config.link())), conf, Optional.empty(),
                    new ClientConfigLoader(Map.of(), dir), daemon, Optional.empty());
            int port = daemon.start(commands, 0);
            Path signedOutToken = daemon.tokenFile();
            DaemonFiles signedOut = SignedOutDaemon.files(conf, dir.resolve("state"));
            assertThat(DaemonLock.running(signedOut).orElseThrow().port()).as("found by cusax web-link").isEqualTo(port);
            try (SignedOutDaemon second = new SignedOutDaemon(c -> { throw new AssertionError(); }, new SecureRandom(),
                    conf, dir.resolve("state"))) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> second.start(commands, 0))
                        .as("one signed-out daemon per config file").isInstanceOf(DaemonLock.HeldElsewhere.class);
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(signedOutToken))).isEqualTo("rw-------");

            String link = daemon.server().webClient().orElseThrow().signInLink();
            HttpResponse<String> signin = http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signin.statusCode()).isEqualTo(303);
            String cookie = signin.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

            assertThat(command(port, "status", cookie, "{}").body()).contains("\"unknown-command\"");
            assertThat(command(port, "session-state", cookie, "{}").body()).contains("\"state\":\"signed-out\"");
            assertThat(command(port, "session-state", "cusax_session_" + port + "=made-up", "{}").statusCode())
                    .as("the sign-in commands are closed like every other").isEqualTo(401);

            HttpResponse<String> in = command(port, "sign-in", cookie,
                    "{\"user\":\"bob@example.test\",\"password\":\"pw-not-echoed\"}");
            assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
            assertThat(in.body()).contains("\"state\":\"signed-in\"").doesNotContain("pw-not-echoed");
            HttpResponse<String> status = command(port, "status", cookie, "{}");
            assertThat(status.statusCode()).as("the same cookie, the same port: the session's registry").isEqualTo(200);
            assertThat(status.body()).contains("bob@example.test");
            DaemonFiles files = DaemonFiles.of(config.daemon(), config.link());
            assertThat(signedOutToken).doesNotExist();
            assertThat(files.token()).exists();
            assertThat(Files.readString(files.lock())).contains(Integer.toString(port));

            HttpResponse<String> out = command(port, "sign-out", cookie, "{}");
            assertThat(out.body()).contains("\"state\":\"signed-out\"");
            assertThat(command(port, "status", cookie, "{}").body()).contains("\"unknown-command\"");
            assertThat(files.token()).doesNotExist();
            assertThat(signedOutToken).exists();
            // the account is free again: a daemon may take it (here, this one signing in again)
            assertThat(command(port, "sign-in", cookie, "{\"user\":\"bob@example.test\",\"password\":\"x\"}")
                    .statusCode()).isEqualTo(200);
        }
    }
}
