package org.cusax.it.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cusax.app.assembly.CusaxAssembly;
import org.cusax.app.cli.CusaxCli;
import org.cusax.it.support.Await;
import org.junit.jupiter.api.Test;

/**
 * The README's main job, {@code ./cusax demo}, run in-process with the real composition root: it starts
 * the sandbox (XMPP + SIP in the same JVM), signs the demo user in with user id and password through the
 * sandbox's provisioning server (RFC 7081 §2, the code of cusax login) and logs in with what it kept, shows both halves online over TLS, gets a chat echoed, calls the greeting peer (speech
 * recorded and analysed) and the busy peer (486); then, in its interactive session (--keep, commands read
 * from the input), a chat and a call are driven through the CLI commands, and the web client is served on the
 * same session (its one-time link signs a browser in); {@code quit} stops everything:
 * exit 0, every sandbox port free again, its temporary directory gone, no thread of it left.
 */
class DemoCommandIT {
    private static final String SESSION_TEXT = "typed in the demo session";
    /**
     * Pools shared by the whole JVM, not owned by the demo: the JDK's (common fork-join pool, cleaners) and
     * Smack's static reactor and cached executor (daemon threads, idle ones expire on their own).
     */
    private static final java.util.regex.Pattern PROCESS_WIDE = java.util.regex.Pattern.compile(
            "ForkJoinPool\\.commonPool|Cleaner-|Common-Cleaner|Smack DefaultReactor|Smack Cached Executor");

    @Test
    void theMainJobRunsOnTheSandboxIsDrivenThroughTheCliAndStopsCleanly() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String input = "status\n"
                + "chat echo@cusax.test \"" + SESSION_TEXT + "\"\n"
                + "call greeting@cusax.test --hangup-after 1\n";
        java.io.PipedOutputStream typing = new java.io.PipedOutputStream();
        java.io.PipedInputStream stdin = new java.io.PipedInputStream(typing, 1 << 16);
        typing.write(input.getBytes(StandardCharsets.UTF_8));
        typing.flush();
        java.util.concurrent.CompletableFuture<Integer> demo = new java.util.concurrent.CompletableFuture<>();
        Thread runner = new Thread(() -> demo.complete(new CusaxCli(new CusaxAssembly(), Map.of(),
                Path.of(System.getProperty("user.home")), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).withInput(stdin).execute("demo", "--json", "--keep")),
                "demo-command-it");
        runner.start();
        JsonNode web;
        try {
            web = Await.until("the web client's sign-in link", java.time.Duration.ofSeconds(120),
                    () -> parse(completeLines(out)).stream().filter(n -> n.path("type").asText().equals("web-client"))
                            .findFirst().orElse(null), n -> n != null || demo.isDone());
            assertThat(web).as("a web-client line; stderr: %s", err).isNotNull();
            webClientSignsIn(web);
        } finally {
            typing.write("quit\n".getBytes(StandardCharsets.UTF_8));
            typing.close();
        }
        int code = demo.get(120, java.util.concurrent.TimeUnit.SECONDS);
        runner.join();
        String stdout = out.toString(StandardCharsets.UTF_8);
        Files.writeString(Path.of("target", "demo-command-it.out"), stdout + "\n--- stderr ---\n" + err,
                StandardCharsets.UTF_8);
        assertThat(code).as("exit code; stderr: %s%nstdout: %s", err, stdout).isZero();

        List<JsonNode> lines = parse(stdout);
        JsonNode sandbox = lines.stream().filter(n -> n.path("type").asText().equals("sandbox")).findFirst()
                .orElseThrow(() -> new AssertionError("no sandbox line in " + stdout));
        assertThat(sandbox.path("users").get(0).path("user").asText()).isEqualTo("demo");
        // RFC 7081 §2: signed in with user id and password only, through the sandbox's provisioning server,
        // and said so in the first lines (before any connection event)
        String provisioningUrl = sandbox.path("provisioning").asText();
        assertThat(provisioningUrl).startsWith("https://127.0.0.1:").endsWith("/cusax/v1/provisioning");
        int signedIn = indexOf(lines, n -> n.path("type").asText().equals("demo") && n.path("text").asText()
                .startsWith("Signed in as demo@cusax.test with user id and password through " + provisioningUrl));
        assertThat(signedIn).as("the sign-in line in %s", stdout).isBetween(0, 10);
        assertThat(indexOf(lines, n -> n.path("type").asText().equals("connection"))).isGreaterThan(signedIn);
        for (String label : List.of("Chat", "Telephony")) {
            assertThat(lines).as("demo %s online and encrypted", label).anyMatch(n -> n.path("user").asText().equals("demo")
                    && n.path("type").asText().equals("connection") && n.path("label").asText().equals(label)
                    && n.path("state").asText().equals("online") && n.path("security").path("encrypted").asBoolean());
        }
        // the walkthrough
        assertThat(lines).anyMatch(n -> n.path("type").asText().equals("chat-received")
                && n.path("body").asText().equals("Hello echo, this is the cusax demo."));
        assertThat(lines).anyMatch(n -> n.path("text").asText().contains("the spoken greeting crossed the call"));
        assertThat(lines).anyMatch(n -> n.path("text").asText().contains("busy, as expected"));
        // the session: the chat command, its echo, and the call command (answered by the greeting peer)
        assertThat(lines).anyMatch(n -> n.path("to").asText().equals("echo@cusax.test") && n.has("state"));
        assertThat(lines).anyMatch(n -> n.path("type").asText().equals("chat-received")
                && n.path("body").asText().equals(SESSION_TEXT));
        assertThat(lines.stream().filter(n -> n.path("type").asText().equals("call-answered")).count())
                .as("the walkthrough's and the session's call to the greeting peer").isEqualTo(2);
        assertThat(lines.get(lines.size() - 1).path("text").asText()).contains("Demo finished");

        assertThat(Files.exists(Path.of(sandbox.path("dir").asText()))).as("temporary sandbox directory").isFalse();
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        for (int port : List.of(sandbox.path("xmpp").path("port").asInt(), sandbox.path("sip").path("tcp").asInt(),
                sandbox.path("sip").path("tls").asInt())) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(lo, port));
            } catch (IOException e) {
                throw new AssertionError("TCP port " + port + " still taken after the demo", e);
            }
        }
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(lo, sandbox.path("sip").path("udp").asInt()))) {
            assertThat(s.isBound()).isTrue();
        }
        awaitDemoThreadsEnded(before);
        assertThat(Files.exists(Path.of(web.path("tokenFile").asText()))).as("the web client's token file").isFalse();
    }

    /**
     * The link the demo printed signs a browser in (issue 11): 303 to the page with an HttpOnly,
     * SameSite=Strict session cookie; with that cookie the page loads and the API answers; the link works once.
     */
    private static void webClientSignsIn(JsonNode web) throws IOException {
        String link = web.path("signInLink").asText();
        assertThat(link).startsWith(web.path("page").asText() + "signin?code=");
        java.net.URI uri = java.net.URI.create(link);
        String signIn = http(uri, "GET", uri.getRawPath() + "?" + uri.getRawQuery(), null);
        assertThat(signIn).startsWith("HTTP/1.1 303");
        String cookie = signIn.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("set-cookie:"))
                .findFirst().orElseThrow().substring("set-cookie:".length()).strip();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        String session = cookie.substring(0, cookie.indexOf(';'));
        assertThat(http(uri, "GET", "/", session)).startsWith("HTTP/1.1 200").contains("<title>cusax</title>");
        assertThat(http(uri, "POST", "/api/v1/commands/status", session)).startsWith("HTTP/1.1 200")
                .contains("\"ok\":true").contains("\"telephony\"");
        assertThat(http(uri, "GET", uri.getRawPath() + "?" + uri.getRawQuery(), null)).as("the link works once")
                .startsWith("HTTP/1.1 403");
    }

    /** One HTTP/1.1 exchange on a plain socket (no client library threads to outlive the test). */
    private static String http(java.net.URI base, String method, String target, String cookie) throws IOException {
        try (java.net.Socket s = new java.net.Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(30_000);
            String request = method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\n" + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                    + (method.equals("POST") ? "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}" : "\r\n");
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The output's complete lines so far (the last one may still be being written). */
    private static String completeLines(ByteArrayOutputStream out) {
        String s = out.toString(StandardCharsets.UTF_8);
        return s.substring(0, s.lastIndexOf('\n') + 1);
    }

    private static int indexOf(List<JsonNode> lines, java.util.function.Predicate<JsonNode> p) {
        for (int i = 0; i < lines.size(); i++) {
            if (p.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Awaits the end of every thread started during the demo (some may still be finishing when it returns);
     * fails naming those still running, with where they are.
     */
    private static void awaitDemoThreadsEnded(Set<Thread> before) {
        int[] probes = {0};
        Await.until("the end of the threads the demo started", java.time.Duration.ofSeconds(20), () -> {
            if (probes[0]++ % 20 == 0) {
                // Java 17's HttpClient (provisioning, daemon connection) has no close(): its selector thread ends
                // only once the client is collected, which nothing forces in a JVM with free heap
                System.gc();
            }
            return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                    .filter(t -> !PROCESS_WIDE.matcher(t.getName()).lookingAt())
                    .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "") + " at "
                            + java.util.Arrays.stream(t.getStackTrace()).limit(12).map(String::valueOf)
                                    .collect(Collectors.joining(" <- ")))
                    .collect(Collectors.toList());
        }, List::isEmpty);
    }

    /** --json output is strictly one JSON object per line, events and command results alike. */
    private static List<JsonNode> parse(String stdout) {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String l : stdout.lines().filter(l -> !l.isBlank()).toList()) {
            try {
                JsonNode node = mapper.readTree(l);
                assertThat(node.isObject()).as("a JSON object per line: %s", l).isTrue();
                nodes.add(node);
            } catch (java.io.IOException e) {
                throw new AssertionError("not one JSON object on this line: " + l, e);
            }
        }
        return nodes;
    }
}
