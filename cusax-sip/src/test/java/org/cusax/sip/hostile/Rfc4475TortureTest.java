package org.cusax.sip.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.cusax.core.account.Transport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RFC 4475 (SIP torture test messages), all 49 messages byte for byte as the RFC's archive gives them, fed to
 * the client's own SIP listener (our endpoint, network layer and dispatcher) over UDP and TCP; each outcome is
 * checked against what the RFC says a receiving endpoint does: valid requests handled (§3.1.1, §3.3, §3.4),
 * invalid ones answered 400 or the code the RFC names (§3.1.2, §3.3), responses dropped, and a valid OPTIONS
 * answered after every message. Over UDP a response goes where the message's own top Via says (RFC 3261
 * §18.2.2), so what the stack sent is read from its message trace ({@link SentResponses}) when it does not
 * come back to the test's socket. Prints the counts.
 */
class Rfc4475TortureTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void everyTortureMessageGetsTheOutcomeTheRfcGives(Transport transport) throws Exception {
        Map<String, Integer> byClass = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int dropped = 0;
        int probesAnswered = 0;
        int crashes = 0;
        List<Rfc4475Corpus.Message> corpus = Rfc4475Corpus.all();
        ListenerUnderTest listener = null;
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        ExecutorService closer = Executors.newFixedThreadPool(4);
        Set<String> branches = new HashSet<>();
        try (SentResponses trace = new SentResponses();
             DatagramSocket socket = new DatagramSocket(0, RawSipClient.loopback())) {
            for (Rfc4475Corpus.Message m : corpus) {
                // Many messages reuse the branch z9hG4bKkdjuw, and JAIN-SIP matches server transactions by branch
                // alone (RFC 3261 §17.2.3 wants sent-by and method too): a later one would be taken for a
                // retransmission of an earlier one. Each is meant for a fresh element: a new listener then.
                if (listener == null || !branches.add(m.branch())) {
                    if (listener != null) {
                        crashes += listener.listenerFailures.get();
                        closing.add(CompletableFuture.runAsync(listener::close, closer)); // JAIN-SIP's stop is slow
                    }
                    listener = new ListenerUnderTest(transport, 65_536);
                    branches.clear();
                    branches.add(m.branch());
                }
                // an answer comes at once; the full wait is spent only where no answer is the right outcome
                boolean mayBeSilent = m.kind(transport) == Rfc4475Corpus.Kind.DROPPED
                        || m.kind(transport) == Rfc4475Corpus.Kind.CODE_OR_DROPPED;
                int wait = mayBeSilent ? 1000 : 5000;
                String callId = m.callId().orElse(null);
                Optional<Integer> status;
                if (transport == Transport.UDP) {
                    // our screens answer the sender's socket; the stack answers where the top Via says
                    RawSipClient once = new RawSipClient(listener.address(), 100);
                    status = once.udp(socket, m.bytes(), callId);
                    for (long end = System.nanoTime() + wait * 1_000_000L; status.isEmpty() && callId != null
                            && System.nanoTime() < end; ) {
                        status = trace.awaitFinalStatus(callId, 100);
                        if (status.isEmpty()) {
                            status = once.receiveUdp(socket, callId, 100);
                        }
                    }
                } else {
                    status = new RawSipClient(listener.address(), wait).tcp(m.bytes(), callId);
                }
                RawSipClient client = new RawSipClient(listener.address(), 5000);
                String seen = status.map(String::valueOf).orElse("none");
                if (status.isPresent()) {
                    byClass.merge(status.get() / 100 + "xx", 1, Integer::sum);
                } else {
                    dropped++;
                }
                boolean ok = m.allows(transport, status);
                lines.add(String.format("  %-9s %-11s %-4s want %s%s", m.section(), m.name(), seen,
                        m.expectation(transport), ok ? "" : "   <-- WRONG"));
                if (!ok) {
                    wrong.add(m.name() + " (§" + m.section() + ") -> " + seen + ", RFC 4475: "
                            + m.expectation(transport));
                }
                HostileCorpus probes = new HostileCorpus(transport.name(), listener.address().getPort(),
                        socket.getLocalPort());
                HostileCorpus.Case probe = probes.options("probe");
                byte[] bytes = probe.message().getBytes(StandardCharsets.UTF_8);
                Optional<Integer> alive = transport == Transport.UDP ? client.udp(socket, bytes, probe.callId())
                        : client.tcp(bytes, probe.callId());
                assertThat(alive).as("a valid OPTIONS after " + m.name()).contains(200);
                probesAnswered++;
            }
        } finally {
            if (listener != null) {
                crashes += listener.listenerFailures.get();
                listener.close();
            }
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).join();
            closer.shutdown();
        }
        System.out.println("RFC 4475 byte-exact over " + transport + ": sent " + corpus.size() + ", answered " + byClass
                + ", dropped " + dropped + ", as the RFC says " + (corpus.size() - wrong.size()) + ", probes answered "
                + probesAnswered + ", listener crashes " + crashes + "\n" + String.join("\n", lines));
        assertThat(wrong).as("outcomes RFC 4475 does not allow").isEmpty();
        assertThat(crashes).isZero();
    }
}
