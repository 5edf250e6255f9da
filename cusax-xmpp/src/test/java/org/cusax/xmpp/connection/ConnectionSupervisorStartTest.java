package org.cusax.xmpp.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.cusax.core.account.Account;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.testing.ManualScheduler;
import org.cusax.core.testing.TestPki;
import org.cusax.xmpp.testing.RecordingCallbacks;
import org.cusax.xmpp.testing.XmppAccounts;
import org.cusax.xmpp.tls.TlsContexts;
import org.cusax.xmpp.tls.TlsSessionObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ConnectionSupervisor#start(ConnectionSupervisor.Preparation)}: the first attempt connects while the
 * preparation (the cached contact list being read and reported) still runs, and nothing about the attempt is
 * reported, nor any session hook run, before CONNECTING, which comes once the preparation is over.
 */
class ConnectionSupervisorStartTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final RecordingCallbacks callbacks = new RecordingCallbacks();
    private final ManualScheduler retryTimer = new ManualScheduler();
    private final AtomicInteger established = new AtomicInteger();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private ConnectionSupervisor supervisor;

    @AfterEach
    void stop() throws Exception {
        if (supervisor != null) {
            supervisor.stop(null, Duration.ofMillis(500));
        }
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @Test
    void theFirstAttemptConnectsWhileThePreparationRunsAndCONNECTINGComesAfterIt() throws Exception {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        closing.add(server);
        CountDownLatch accepted = new CountDownLatch(1);
        Thread acceptor = new Thread(() -> {
            try {
                Socket s = server.accept(); // says nothing: the attempt waits for the stream header
                closing.add(s);
                accepted.countDown();
            } catch (IOException e) {
                // closed at the end of the test
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        supervisor = supervisor(server.getLocalPort());

        List<ConnectionStatus> duringPreparation = new ArrayList<>();
        boolean[] connectedDuringPreparation = new boolean[1];
        supervisor.start(() -> {
            connectedDuringPreparation[0] = accepted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            duringPreparation.addAll(callbacks.statuses());
        });

        assertThat(connectedDuringPreparation[0]).as("TCP connection made before the preparation ended").isTrue();
        assertThat(duringPreparation).isEmpty();
        assertThat(callbacks.statuses()).extracting(ConnectionStatus::state).containsExactly(ConnectionState.CONNECTING);
        assertThat(established).hasValue(0);
    }

    @Test
    void aFirstAttemptThatFailsAtOnceIsReportedOnlyAfterCONNECTING() throws Exception {
        // a server that hangs up at once: the attempt fails, closes its socket, then waits for CONNECTING
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        closing.add(server);
        CountDownLatch clientClosed = new CountDownLatch(1);
        Thread hangUp = new Thread(() -> {
            try (Socket s = server.accept()) {
                s.shutdownOutput(); // end of stream before any stream header
                while (s.getInputStream().read() >= 0) {
                    // what the client sent before it gave up
                }
                clientClosed.countDown();
            } catch (IOException e) {
                clientClosed.countDown(); // reset by the client: closed all the same
            }
        });
        hangUp.setDaemon(true);
        hangUp.start();
        supervisor = supervisor(server.getLocalPort());
        List<ConnectionStatus> duringPreparation = new ArrayList<>();
        boolean[] failedDuringPreparation = new boolean[1];
        supervisor.start(() -> {
            failedDuringPreparation[0] = clientClosed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    && waitingForConnecting("cusax-xmpp-start-test");
            duringPreparation.addAll(callbacks.statuses());
        });

        assertThat(failedDuringPreparation[0]).as("the failed attempt waited for CONNECTING").isTrue();
        assertThat(duringPreparation).isEmpty();
        callbacks.awaitState(ConnectionState.RECONNECTING, WAIT);
        assertThat(callbacks.statuses()).extracting(ConnectionStatus::state)
                .containsExactly(ConnectionState.CONNECTING, ConnectionState.RECONNECTING);
        assertThat(retryTimer.pendingDelays()).containsExactly(Duration.ofMillis(100));
        assertThat(established).hasValue(0);
    }

    /**
     * Whether the supervisor thread, which has just closed its failed socket, comes to wait in
     * {@code awaitAnnounced} (its failure not reported yet): the few instructions between the two are spun over.
     */
    private static boolean waitingForConnecting(String threadName) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (var e : Thread.getAllStackTraces().entrySet()) {
                if (e.getKey().getName().equals(threadName) && Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getMethodName().equals("awaitAnnounced"))) {
                    return true;
                }
            }
            Thread.onSpinWait();
        }
        return false;
    }

    private ConnectionSupervisor supervisor(int port) throws Exception {
        Account account = XmppAccounts.account("alice", "pw-alice", port, TestPki.get().caPem());
        RosterFirstConnection connection = new RosterFirstConnection(ConnectionConfigFactory.build(account,
                XmppAccounts.settings(), TlsContexts.forAccount(account.security(), new TlsSessionObserver())));
        FailureClassifier classifier = new FailureClassifier(new FailureClassifier.Context("cusax.test",
                "127.0.0.1:" + port, "test CA", List.of("SCRAM-SHA-1")));
        SessionHooks hooks = new SessionHooks() {
            @Override
            public void established(boolean resumed) {
                established.incrementAndGet();
            }

            @Override
            public ChannelSecurity security() {
                return ChannelSecurity.plain("SCRAM-SHA-1");
            }
        };
        return new ConnectionSupervisor(connection, callbacks, XmppAccounts.backoff(Duration.ofMillis(100)), classifier,
                hooks, "cusax-xmpp-start-test", new ManagerListeners(), retryTimer);
    }
}
