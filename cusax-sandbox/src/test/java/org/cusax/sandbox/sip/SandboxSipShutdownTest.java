package org.cusax.sandbox.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.Transport;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.testing.StatusRecorder;
import org.cusax.sip.JainSipTelephonyPort;
import org.cusax.sip.tls.TlsPolicy;
import org.cusax.sip.testing.ConnectionEnds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stopping a TLS client registered at the sandbox proxy (RFC 3261 §26.2.1, one connection opened by the
 * client and reused by the proxy) and the proxy, in either order, leaves no thread of either JAIN-SIP
 * stack running: every connection either side opened or accepted is closed, including one a stop
 * races with (an un-REGISTER, a ping, a handshake in flight). Several cycles, as such a race shows up
 * only now and then.
 */
class SandboxSipShutdownTest {
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final int CYCLES = 4;
    /** Pools of the whole JVM, not owned by either stack. */
    private static final Pattern PROCESS_WIDE = Pattern.compile("ForkJoinPool\\.commonPool|Cleaner-|Common-Cleaner");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "stopping the {0} first leaves no thread of either stack")
    @ValueSource(strings = {"client", "proxy"})
    @DisplayName("client and proxy stopped in either order: no connection thread survives")
    void noThreadSurvivesTheStops(String firstStopped) throws Exception {
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            SandboxSip sip = SandboxSip.start(SandboxSipOptions.defaults("sandbox.test", dir.resolve("c" + cycle)));
            JainSipTelephonyPort client = null;
            try {
                sip.addUser("alice", "pw-alice");
                client = SandboxClients.port(sip, "alice", "pw-alice", Transport.TLS, List.of("SHA-256"));
                StatusRecorder status = new StatusRecorder();
                client.start(status);
                status.await(ConnectionState.ONLINE, SETTLE);
                assertThat(sip.contactsOf("alice")).hasSize(1);
            } finally {
                if (firstStopped.equals("client")) {
                    stop(client);
                    sip.stop();
                } else {
                    sip.stop();
                    stop(client);
                }
            }
            assertThat(threadsLeft(before)).as("threads left after cycle %d", cycle).isEmpty();
        }
    }

    /**
     * A TLS connection that has carried no SIP request yet (here: only an RFC 5626 §4.4.1 double-CRLF
     * ping) is not tracked by JAIN-SIP's TLS message processor, whose stop therefore used to leave it
     * open with its reader thread blocked on it.
     */
    @RepeatedTest(2)
    @DisplayName("a TLS connection with no request on it yet is closed by the proxy's stop, and its thread ends")
    void connectionWithoutARequestEndsWithTheProxy() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        SandboxSip sip = SandboxSip.start(SandboxSipOptions.defaults("sandbox.test", dir));
        try {
            TlsPolicy trust = TlsPolicy.create(new SecuritySettings(Optional.of(sip.caCertificate()), Optional.empty(),
                    "TLSv1.2", true), sip.domain());
            try (Socket tls = trust.secure(new Socket(InetAddress.getByName(sip.host()), sip.tlsPort()), sip.tlsPort())) {
                tls.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                tls.getOutputStream().flush();
                ConnectionEnds.awaitAccepted(before, "TLSMessageChannelThread");

                sip.stop();

                tls.setSoTimeout(5_000);
                assertThat(ConnectionEnds.readEnd(tls)).as("the client sees the proxy close the connection").isTrue();
                assertThat(threadsLeft(before)).as("threads of the proxy left running").isEmpty();
            }
        } finally {
            sip.stop();
        }
    }

    private static void stop(JainSipTelephonyPort client) {
        if (client != null) {
            client.stop();
        }
    }

    /** Threads started since {@code before} that are still alive after a bounded wait for them to end. */
    private static List<String> threadsLeft(Set<Thread> before) throws InterruptedException {
        java.util.function.Supplier<List<Thread>> alive = () -> Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !PROCESS_WIDE.matcher(t.getName()).lookingAt()).toList();
        org.cusax.core.testing.Eventually.holds(() -> alive.get().isEmpty(), Duration.ofSeconds(5));
        return alive.get().stream().map(t -> t.getName() + " at " + Arrays.stream(t.getStackTrace()).limit(8)
                .map(String::valueOf).collect(Collectors.joining(" <- "))).toList();
    }
}
