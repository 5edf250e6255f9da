package org.cusax.bench.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.process.ProcessHost;
import org.cusax.testbed.sip.SipTransport;

/**
 * Chat messages per second through the daemon: a real {@code cusax serve} (child JVM) on real Prosody and
 * Kamailio; {@code n} messages sent through its HTTP command API ({@code POST /api/v1/commands/chat}, at most
 * {@value #IN_FLIGHT} requests outstanding) to a second XMPP client, counted on arrival there. Rate = messages
 * arrived / time from the first request to the last arrival.
 */
final class DaemonChatRate {
    static final String BENCH = "chat-rate";
    static final int IN_FLIGHT = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DaemonChatRate() {
    }

    static List<Figure> run(int n, int reps, Path work) throws Exception {
        List<Figure> out = new ArrayList<>();
        Files.createDirectories(work);
        try (Testbed tb = Testbed.start(TestbedOptions.defaults())) {
            TestUser alice = tb.createUser("chatsender");
            TestUser bob = tb.createUser("chatreceiver");
            Path conf = tb.writeClientConfig(alice, SipTransport.UDP);
            try (CusaxChild daemon = CusaxChild.start(ProcessHost.LOCAL, work, work.resolve("home"), "cusax-serve",
                    List.of("serve", "--json", "-c", conf.toString()));
                 ChatReceiver receiver = ChatReceiver.login(bob, tb.domain(), tb.prosody().c2sPort(),
                         tb.caCertificate())) {
                JsonNode started = daemon.await("daemon-started", e -> true, SipWorld.STARTUP);
                Api api = new Api(HttpClient.newHttpClient(), URI.create(started.path("url").asText()),
                        Files.readString(Path.of(started.path("tokenFile").asText())).strip());
                JsonNode status = api.call("status", Map.of("settleMs", 60000));
                System.err.println("chat-rate: daemon's chat half " + status.path("data").path("chat").path("state"));
                send(api, receiver, bob.jid(), "warmup", Math.min(n, 100));
                for (int rep = 1; rep <= reps; rep++) {
                    String prefix = "rep" + rep;
                    long start = System.nanoTime();
                    long arrived = send(api, receiver, bob.jid(), prefix, n);
                    double seconds = (receiver.lastArrivalNanos() - start) / 1e9;
                    double rate = arrived == 0 ? 0 : arrived / seconds;
                    System.err.printf("chat-rate rep %d: %d of %d messages arrived in %.2f s -> %.0f/s%n", rep,
                            arrived, n, seconds, rate);
                    out.add(new Figure(BENCH, "messages per second", rep, rate, "msg/s", arrived));
                }
            }
        }
        return out;
    }

    /** Sends {@code n} messages {@code prefix:i}; returns how many arrived (waits up to 60 s after the last send). */
    private static long send(Api api, ChatReceiver receiver, String to, String prefix, int n) throws Exception {
        Semaphore window = new Semaphore(IN_FLIGHT);
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            window.acquire();
            all.add(api.callAsync("chat", Map.of("to", to, "text", prefix + ":" + i)).whenComplete((r, e) -> {
                if (e != null || !r.path("ok").asBoolean()) {
                    if (refused.incrementAndGet() == 1) {
                        System.err.println("chat-rate: refused: " + (e != null ? e : r));
                    }
                }
                window.release();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " of " + n + " chat commands were refused");
        }
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (receiver.count(prefix) < n && System.nanoTime() < end) {
            LockSupport.parkNanos(5_000_000L);
        }
        return receiver.count(prefix);
    }

    /** The daemon's command API: {@code POST /api/v1/commands/NAME} with the bearer token. */
    private record Api(HttpClient http, URI base, String token) {
        JsonNode call(String command, Map<String, ?> params) throws Exception {
            return callAsync(command, params).get();
        }

        CompletableFuture<JsonNode> callAsync(String command, Map<String, ?> params) throws Exception {
            HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/v1/commands/" + command))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(params))).build();
            return http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                try {
                    return JSON.readTree(r.body());
                } catch (Exception e) {
                    throw new IllegalStateException("HTTP " + r.statusCode() + " " + r.body(), e);
                }
            });
        }
    }
}
