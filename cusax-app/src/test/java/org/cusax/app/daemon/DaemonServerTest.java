package org.cusax.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.cusax.app.api.CommandRegistry;
import org.cusax.app.api.EventEncoder;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.Direction;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.event.EventBus;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The daemon's transports refuse whoever lacks the token or comes from another page (Origin, RFC 6454;
 * WebSocket upgrade, RFC 6455 §4.1 / §10.2), serve the registry to whoever has it, and never log the token.
 */
class DaemonServerTest {
    private final FakeChatPort chat = new FakeChatPort();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger cusax = (Logger) LoggerFactory.getLogger("org.cusax");
    private final HttpClient http = HttpClient.newHttpClient();
    private Level rootLevel;
    private Level cusaxLevel;
    private CusaxClient client;
    private DaemonServer server;
    private DaemonToken token;
    private String secret;
    private int port;

    @BeforeEach
    void setUp() {
        rootLevel = root.getLevel();
        cusaxLevel = cusax.getLevel();
        root.setLevel(Level.INFO); // as with cusax -vv: everything the daemon can log
        cusax.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
        client = new CusaxClient(TestAccounts.link("alice"), Optional.of(chat), Optional.of(new FakeTelephonyPort()),
                new EventBus());
        client.start();
        chat.goOnline(ChannelSecurity.tls("TLSv1.3", "x", "cusax.test", "SCRAM-SHA-256"));
        token = DaemonToken.random(new SecureRandom());
        secret = token.bearer().substring("Bearer ".length());
        server = new DaemonServer(CommandRegistry.standard(client, client.link(), (d, t) -> () -> { }), client,
                new EventEncoder(client.link()), token, 8);
        port = server.start(0);
    }

    @AfterEach
    void tearDown() {
        server.close();
        client.close();
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        cusax.setLevel(cusaxLevel);
    }

    private HttpResponse<String> post(String command, String authorization, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/commands/" + command))
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theTokenIsLongRandomAndItsFileIsPrivate() throws Exception {
        assertThat(java.util.Base64.getUrlDecoder().decode(secret)).hasSizeGreaterThanOrEqualTo(16);
        assertThat(DaemonToken.random(new SecureRandom()).bearer()).isNotEqualTo(token.bearer());
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("cusax-token").resolve("t.token");
        token.writeTo(file);
        assertThat(java.nio.file.Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(DaemonToken.read(file)).contains(secret);
        assertThat(token.toString()).doesNotContain(secret);
    }

    @Test
    void httpRequestsWithoutTheTokenWithAWrongOneOrFromAnotherPageAreRefused() throws Exception {
        HttpResponse<String> none = post("status", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("\"code\":\"unauthorized\"");
        assertThat(post("status", "Bearer " + secret.substring(1) + "x", null).statusCode()).isEqualTo(401);
        assertThat(post("status", secret, null).statusCode()).isEqualTo(401);
        HttpResponse<String> foreign = post("status", token.bearer(), "http://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("\"code\":\"forbidden\"");
        assertThat(post("status", token.bearer(), "http://127.0.0.1:" + (port + 1)).statusCode()).isEqualTo(403);
        assertThat(post("presence", token.bearer(), "null").statusCode()).isEqualTo(403);
        assertThat(chat.presences()).isEmpty(); // the refused presence command did nothing

        HttpResponse<String> ok = post("status", token.bearer(), null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"ok\":true").contains("\"state\":\"online\"");
        assertThat(post("status", token.bearer(), "http://127.0.0.1:" + port).statusCode()).isEqualTo(200);
        assertThat(post("nosuch", token.bearer(), null).statusCode()).isEqualTo(404);
        assertThat(tokenInLogs()).isEmpty();
    }

    @Test
    void theEventStreamRefusesUpgradesWithoutTheTokenOrFromAnotherPage() throws Exception {
        assertThat(upgrade(null, null)).isEqualTo(401);
        assertThat(upgrade("Bearer nope", null)).isEqualTo(401);
        assertThat(upgrade(token.bearer(), "http://evil.example")).isEqualTo(403);
        assertThat(server.subscribers()).isZero();

        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket ws = http.newWebSocketBuilder().header("Authorization", token.bearer())
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/events"), collector(received))
                .get(5, TimeUnit.SECONDS);
        // the server subscribes the socket on its own thread once the upgrade is done, then says so: only after
        // that first message may a client take a snapshot without missing an event
        assertThat(received.poll(5, TimeUnit.SECONDS)).as("the first message").startsWith("{").contains("\"type\":\"events-attached\"");
        assertThat(server.subscribers()).isEqualTo(1);
        chat.receive(new ChatMessage("m1", "bob@cusax.test", Direction.INCOMING, "hello", Instant.now()));
        String event = received.poll(5, TimeUnit.SECONDS);
        assertThat(event).contains("\"type\":\"chat-received\"").contains("\"body\":\"hello\"");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        assertThat(tokenInLogs()).isEmpty();
    }

    private int upgrade(String authorization, String origin) throws Exception {
        WebSocket.Builder b = http.newWebSocketBuilder();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        try {
            b.buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/events"), collector(new LinkedBlockingQueue<>()))
                    .get(5, TimeUnit.SECONDS).abort();
            return 101;
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    private static WebSocket.Listener collector(LinkedBlockingQueue<String> into) {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                into.add(data.toString());
                ws.request(1);
                return null;
            }
        };
    }

    private List<String> tokenInLogs() {
        assertThat(logs.list).as("the capture works").isNotEmpty();
        return logs.list.stream().map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                : e.getThrowableProxy().getMessage())).filter(m -> m.contains(secret)).toList();
    }
}
