package org.cusax.sip.keepalive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.cusax.core.testing.Eventually;
import org.cusax.sip.net.FlowMonitor;
import org.cusax.sip.net.ObservedSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RFC 5626 §4.4.1: double-CRLF pings, a CRLF pong keeps the flow, no pong or a failed ping loses it. */
class KeepaliveTest {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** A server that answers the first {@code answers} double CRLFs with a CRLF, then stays silent. */
    private static Thread server(ServerSocket listening, int answers) {
        Thread t = new Thread(() -> {
            try (Socket s = listening.accept()) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                byte[] buf = new byte[64];
                int n;
                int answered = 0;
                while ((n = in.read(buf)) > 0) {
                    if (answered < answers && new String(buf, 0, n, StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        answered++;
                    }
                }
            } catch (IOException ignored) {
                // test over
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The SIP stack's reader: keeps reading the client side so that received bytes are counted. */
    private static void drain(ObservedSocket client) {
        Thread t = new Thread(() -> {
            try {
                InputStream in = client.getInputStream();
                while (in.read() >= 0) {
                    // counted by the flow
                }
            } catch (IOException ignored) {
                // closed
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private Keepalive run(ServerSocket listening, int answers, CompletableFuture<String> lost, ObservedSocket[] out)
            throws Exception {
        server(listening, answers);
        ObservedSocket client = ObservedSocket.connect(new FlowMonitor(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), listening.getLocalPort()), null, 2000);
        out[0] = client;
        drain(client);
        Pinger pinger = () -> client.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Keepalive k = new Keepalive(executor, Duration.ofMillis(100), Duration.ofMillis(500), pinger, lost::complete,
                () -> 0.5);
        executor.execute(() -> k.watch(client.flow()));
        return k;
    }

    @Test
    void pongsKeepTheFlow() throws Exception {
        CompletableFuture<String> lost = new CompletableFuture<>();
        ObservedSocket[] client = new ObservedSocket[1];
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Keepalive k = run(listening, Integer.MAX_VALUE, lost, client);
            assertThat(Eventually.holds(() -> k.pingsSent() >= 3, Duration.ofSeconds(10))).as("3 pings sent").isTrue();
            assertThat(lost).isNotDone();
            assertThat(client[0].flow().bytesReceived()).isGreaterThanOrEqualTo(4);
            client[0].close();
        }
    }

    @Test
    void missingPongLosesTheFlowOfAServerThatAnsweredBefore() throws Exception {
        CompletableFuture<String> lost = new CompletableFuture<>();
        ObservedSocket[] client = new ObservedSocket[1];
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Keepalive k = run(listening, 1, lost, client);
            assertThat(lost.get(5, TimeUnit.SECONDS)).contains("no keepalive answer");
            assertThat(k.pingsSent()).isEqualTo(2);
            client[0].close();
        }
    }

    @Test
    void aServerThatNeverAnswersPingsIsNotDeclaredLost() throws Exception {
        CompletableFuture<String> lost = new CompletableFuture<>();
        ObservedSocket[] client = new ObservedSocket[1];
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Keepalive k = run(listening, 0, lost, client);
            assertThat(Eventually.holds(() -> k.pingsSent() >= 3, Duration.ofSeconds(10))).as("3 pings sent").isTrue();
            assertThat(lost).isNotDone();
            client[0].close();
        }
    }

    @Test
    void failedPingLosesTheFlow() throws Exception {
        CompletableFuture<String> lost = new CompletableFuture<>();
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ObservedSocket client = ObservedSocket.connect(new FlowMonitor(),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), listening.getLocalPort()), null, 2000);
            Keepalive k = new Keepalive(executor, Duration.ofMillis(50), Duration.ofMillis(500),
                    () -> { throw new IOException("Broken pipe"); }, lost::complete, () -> 0.0);
            executor.execute(() -> k.watch(client.flow()));
            assertThat(lost.get(5, TimeUnit.SECONDS)).isEqualTo("keepalive could not be sent: Broken pipe");
            client.close();
        }
    }
}
