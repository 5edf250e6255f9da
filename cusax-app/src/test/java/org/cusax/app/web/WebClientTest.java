package org.cusax.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cusax.app.api.CommandRegistry;
import org.cusax.app.api.EventEncoder;
import org.cusax.app.daemon.DaemonServer;
import org.cusax.app.daemon.DaemonToken;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.event.EventBus;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.MutableClock;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web client's sign-in: a one-time code (used once, expired after {@link WebSessions#CODE_LIFETIME})
 * is exchanged for an HttpOnly, SameSite=Strict session cookie (RFC 6265 §4.1.2.6, RFC 6265bis SameSite)
 * which the API then accepts in place of the token, while a foreign Origin (RFC 6454) is still refused.
 */
class WebClientTest {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private CusaxClient client;
    private DaemonServer server;
    private DaemonToken token;
    private WebClient web;
    private int port;

    @BeforeEach
    void setUp() {
        client = new CusaxClient(TestAccounts.link("alice"), Optional.of(new FakeChatPort()),
                Optional.of(new FakeTelephonyPort()), new EventBus());
        client.start();
        token = DaemonToken.random(new SecureRandom());
        server = new DaemonServer(CommandRegistry.standard(client, client.link(), (d, t) -> () -> { }), client,
                new EventEncoder(client.link()), token, 8);
        DaemonServer s = server;
        web = new WebClient(new WebSessions(new SecureRandom(), clock), token, s::port);
        server.serveWebClient(web);
        port = server.start(0);
    }

    @AfterEach
    void tearDown() {
        server.close();
        client.close();
    }

    private HttpResponse<String> get(String pathAndQuery, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postStatus(String cookie, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/commands/status"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String signIn() throws Exception {
        HttpResponse<String> r = get(URI.create(web.signInLink()).getRawPath() + "?" + URI.create(web.signInLink()).getRawQuery(), null);
        assertThat(r.statusCode()).isEqualTo(303);
        return cookieOf(r.headers().firstValue("Set-Cookie").orElseThrow());
    }

    private static String cookieOf(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private String code() {
        Matcher m = Pattern.compile("code=([A-Za-z0-9_-]+)").matcher(web.signInLink());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void theSignInLinkSetsAnHttpOnlySameSiteStrictCookieAndRedirectsToThePage() throws Exception {
        String link = web.signInLink();
        assertThat(link).startsWith("http://127.0.0.1:" + port + "/signin?code=");
        HttpResponse<String> r = get("/signin?code=" + code(), null);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/");
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(web.cookieName() + "=").contains("; HttpOnly").contains("; SameSite=Strict")
                .contains("; Path=/");
        String tokenValue = token.bearer().substring("Bearer ".length());
        assertThat(setCookie).doesNotContain(tokenValue);
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void aCodeWorksOnceAndNotAfterItExpires() throws Exception {
        String once = code();
        assertThat(get("/signin?code=" + once, null).statusCode()).isEqualTo(303);
        HttpResponse<String> again = get("/signin?code=" + once, null);
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();

        String late = code();
        clock.advance(WebSessions.CODE_LIFETIME);
        assertThat(get("/signin?code=" + late, null).statusCode()).isEqualTo(403);
        String inTime = code();
        clock.advance(WebSessions.CODE_LIFETIME.minusSeconds(1));
        assertThat(get("/signin?code=" + inTime, null).statusCode()).isEqualTo(303);

        assertThat(get("/signin?code=made-up", null).statusCode()).isEqualTo(403);
        assertThat(get("/signin", null).statusCode()).isEqualTo(403);
    }

    @Test
    void theApiAcceptsTheCookieFromThePageButNotFromAForeignOrigin() throws Exception {
        assertThat(postStatus(null, "http://127.0.0.1:" + port).statusCode()).isEqualTo(401);
        assertThat(postStatus(web.cookieName() + "=forged", "http://127.0.0.1:" + port).statusCode()).isEqualTo(401);
        String cookie = signIn();
        HttpResponse<String> ok = postStatus(cookie, "http://127.0.0.1:" + port);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"ok\":true");
        HttpResponse<String> foreign = postStatus(cookie, "http://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("\"code\":\"forbidden\"");
        String otherPort = "cusax_session_" + (port + 1) + "=" + cookie.substring(cookie.indexOf('=') + 1);
        assertThat(postStatus(otherPort, "http://127.0.0.1:" + port).statusCode()).as("another daemon's cookie name")
                .isEqualTo(401);
    }

    @Test
    void theEventSocketAcceptsTheCookieAndRefusesAForeignOrigin() throws Exception {
        String cookie = signIn();
        URI events = URI.create("ws://127.0.0.1:" + port + "/api/v1/events");
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().header("Cookie", cookie)
                .header("Origin", "http://127.0.0.1:" + port).buildAsync(events, new WebSocket.Listener() { })
                .get(10, TimeUnit.SECONDS);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        try {
            HttpClient.newHttpClient().newWebSocketBuilder().header("Cookie", cookie).header("Origin", "http://evil.example")
                    .buildAsync(events, new WebSocket.Listener() { }).join();
            org.junit.jupiter.api.Assertions.fail("a foreign Origin was let in");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(403);
        }
    }

    @Test
    void thePageIsServedWithoutSecretsAndOnlyItsOwnFiles() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        String tokenValue = token.bearer().substring("Bearer ".length());
        for (String f : WebClient.FILES.keySet()) {
            HttpResponse<String> r = get("/web/" + f, null);
            assertThat(r.statusCode()).as(f).isEqualTo(200);
            assertThat(r.body()).as(f).doesNotContain(tokenValue);
        }
        assertThat(get("/web/..%2Fweb%2FWebClient.class", null).statusCode()).isEqualTo(404);
        assertThat(get("/web/other.js", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/commands", null).statusCode()).as("the API stays closed").isEqualTo(401);
        HttpResponse<String> mint = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/web/sign-in-link"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Cookie", signIn()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(mint.statusCode()).as("a page may not mint links").isEqualTo(403);
        HttpResponse<String> minted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/web/sign-in-link"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", token.bearer()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(minted.statusCode()).isEqualTo(200);
        assertThat(minted.body()).contains("/signin?code=");
    }
}
