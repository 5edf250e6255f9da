package org.cusax.it.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.cusax.app.api.ApiResponse;
import org.cusax.app.assembly.CusaxAssembly;
import org.cusax.app.daemon.Daemon;
import org.cusax.app.remote.DaemonConnection;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigFile;
import org.cusax.it.support.Await;
import org.cusax.sandbox.Sandbox;
import org.cusax.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, fit for a long run: 300 calls (to the sandbox's busy peer: INVITE, 486, ACK, RFC 3261 §13)
 * and 3,000 chat messages (to its echo peer, each acknowledged by the server, XEP-0198, and echoed back)
 * through one daemon's HTTP API and WebSocket. Afterwards no call is live, and the heap after GC and
 * the thread count are back within a small margin of what they were after a warm-up. Counts and sizes
 * are asserted, never times; every loop is bounded.
 */
class DaemonSoakIT {
    private static final int CALLS = 300;
    private static final int CHATS = 3_000;
    private static final int CHATS_IN_FLIGHT = 50;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long HEAP_MARGIN = 24L * 1024 * 1024;
    private static final int THREAD_MARGIN = 6;

    @TempDir
    Path dir;

    private final Set<String> endedCalls = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger echoes = new AtomicInteger();

    @Test
    void threeHundredCallsAndThreeThousandChatsLeaveNothingBehind() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withWorkDir(dir.resolve("sandbox")))) {
            Path conf = sandbox.demoUser().configFile();
            Files.writeString(conf, "\ndaemon.state-dir = " + dir.resolve("state") + "\n", StandardOpenOption.APPEND);
            ClientConfig config = new ClientConfigLoader(Map.of(), dir).load(ConfigFile.read(conf));
            try (Daemon daemon = Daemon.start(config, new CusaxAssembly(), new SecureRandom())) {
                DaemonConnection api = DaemonConnection.find(config).orElseThrow();
                assertThat(api.command("status", Map.of("settleMs", 30_000)).ok()).isTrue();
                String echo = sandbox.echoJid();
                try (AutoCloseable events = api.events(e -> count(e, echo), why -> { })) {
                    calls(api, sandbox.busyAor(), 10);
                    chats(api, echo, 100);
                    long heapBefore = heapAfterGc();
                    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

                    calls(api, sandbox.busyAor(), CALLS);
                    chats(api, echo, CHATS);

                    ApiResponse live = api.command("calls", Map.of());
                    assertThat((List<?>) live.data()).as("live calls").isEmpty();
                    assertThat(daemon.client().pendingMessages()).as("messages not yet confirmed").isZero();
                    assertThat(daemon.server().subscribers()).as("event subscribers").isEqualTo(1);
                    long heapAfter = heapAfterGc();
                    int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
                    assertThat(heapAfter).as("heap after GC: before %d, after %d", heapBefore, heapAfter)
                            .isLessThanOrEqualTo(heapBefore + HEAP_MARGIN);
                    assertThat(threadsAfter).as("threads: before %d", threadsBefore)
                            .isLessThanOrEqualTo(threadsBefore + THREAD_MARGIN);
                }
            }
        }
    }

    private void count(Map<String, Object> e, String echo) {
        switch (String.valueOf(e.get("type"))) {
            case "call-ended" -> endedCalls.add(String.valueOf(e.get("callId")));
            case "chat-status" -> {
                if ("acknowledged".equals(e.get("state"))) {
                    acknowledged.add(String.valueOf(e.get("id")));
                }
            }
            case "chat-received" -> {
                if (echo.equals(e.get("from"))) {
                    echoes.incrementAndGet();
                }
            }
            default -> { }
        }
    }

    /** {@code n} calls one after the other, each refused with 486 by the busy peer. */
    private void calls(DaemonConnection api, String busy, int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            ApiResponse r = api.command("call", Map.of("target", busy, "answerTimeoutMs", 20_000));
            assertThat(r.ok()).as("call %d: %s", i, r.error()).isTrue();
            String id = String.valueOf(((Map<?, ?>) r.data()).get("callId"));
            Await.until("call " + i + " ended", WAIT, () -> endedCalls.contains(id));
        }
    }

    /** {@code n} messages to the echo peer, at most {@link #CHATS_IN_FLIGHT} unacknowledged at a time. */
    private void chats(DaemonConnection api, String echo, int n) throws InterruptedException {
        int ackedBefore = acknowledged.size();
        int echoesBefore = echoes.get();
        for (int i = 0; i < n; i++) {
            int sent = i;
            Await.until("room in the window", WAIT, () -> sent - (acknowledged.size() - ackedBefore) < CHATS_IN_FLIGHT);
            ApiResponse r = api.command("chat", Map.of("to", echo, "text", "soak " + i));
            assertThat(r.ok()).as("chat %d: %s", i, r.error()).isTrue();
        }
        Await.until(n + " messages acknowledged", WAIT, () -> acknowledged.size() - ackedBefore == n);
        Await.until(n + " echoes received", WAIT, () -> echoes.get() - echoesBefore == n);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
