package org.cusax.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.Transport;
import org.cusax.sip.net.FlowMonitor;
import org.cusax.sip.tls.TlsPolicy;
import org.cusax.sip.testing.ConnectionEnds;
import org.cusax.sip.testing.RequestListener;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Closing a TLS endpoint (RFC 3261 §26.2.1 listening point) ends every thread of its stack, also the
 * reader of a connection the stack accepted but does not track: JAIN-SIP 1.3.0-91 tracks an accepted
 * TLS connection only once a SIP request arrived on it, so one still in its handshake (or carrying
 * only keepalives) used to keep its "TLSMessageChannelThread" blocked on the open socket forever.
 */
class SipEndpointCloseTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @RepeatedTest(3)
    @DisplayName("a connection accepted by the TLS listening point is closed, and its thread ends, with the endpoint")
    void acceptedConnectionEndsWithTheEndpoint() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        TlsPolicy tls = TlsPolicy.create(SecuritySettings.defaults(), "cusax.test");
        EndpointConfig config = new EndpointConfig("close-" + System.nanoTime(), LOOPBACK, 0, Transport.TLS,
                new InetSocketAddress(LOOPBACK, 9), 65536, Duration.ofSeconds(2), Duration.ofSeconds(30),
                Optional.of(tls), new FlowMonitor());
        SipEndpoint endpoint = SipEndpoint.open(config, RequestListener.ignoringAll());
        try (Socket peer = new Socket(LOOPBACK, endpoint.listeningPoint().getPort())) {
            ConnectionEnds.awaitAccepted(before, "TLSMessageChannelThread");

            endpoint.close();

            peer.setSoTimeout(5_000);
            assertThat(ConnectionEnds.readEnd(peer)).as("the peer sees the accepted connection end").isTrue();
            assertThat(threadsLeft(before)).as("threads of the stack left running").isEmpty();
        }
    }

    /** Threads started since {@code before} still alive after a bounded wait for them to end. */
    private static List<String> threadsLeft(Set<Thread> before) throws InterruptedException {
        java.util.function.Supplier<List<Thread>> alive = () -> Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !t.getName().startsWith("ForkJoinPool.commonPool"))
                .toList();
        org.cusax.core.testing.Eventually.holds(() -> alive.get().isEmpty(), Duration.ofSeconds(5));
        return alive.get().stream().map(t -> t.getName() + " at " + Arrays.stream(t.getStackTrace()).limit(6)
                .map(String::valueOf).collect(Collectors.joining(" <- "))).toList();
    }
}
