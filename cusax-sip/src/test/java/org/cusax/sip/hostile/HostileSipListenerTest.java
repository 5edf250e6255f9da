package org.cusax.sip.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.cusax.core.account.Transport;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on the client's own SIP listener (our endpoint, network layer and request dispatcher on
 * loopback): RFC 4475-style torture requests get their RFC 3261 answers (501 §8.2.1, 420 §8.2.2.3, 400
 * §8.1.1.8), a PROTOS c07-sip style campaign never gets a 5xx nor kills the listener (a valid OPTIONS is
 * answered after every {@value #PROBE_EVERY} cases), and an over-size message is refused on UDP and TCP
 * (RFC 3261 §18.1.1, our {@code sip.max-message-size}). Prints the counts.
 */
class HostileSipListenerTest {
    private static final int PROBE_EVERY = 10;

    /** What one run saw. */
    private static final class Tally {
        final Map<String, Integer> byClass = new TreeMap<>();
        final List<String> wrong = new ArrayList<>();
        int sent;
        int dropped;
        int probes;

        void count(HostileCorpus.Case c, Optional<Integer> status) {
            sent++;
            if (status.isEmpty()) {
                dropped++;
            } else {
                byClass.merge(status.get() / 100 + "xx", 1, Integer::sum);
            }
            boolean ok = c.expected() == 0 ? status.map(s -> s < 500).orElse(true)
                    : status.equals(Optional.of(c.expected()));
            if (!ok) {
                wrong.add(c.name() + " → " + status.map(String::valueOf).orElse("no answer") + " (want "
                        + (c.expected() == 0 ? "no 5xx" : c.expected()) + ")");
            }
        }

        String summary(String transport, int failures) {
            return "hostile SIP over " + transport + ": sent " + sent + ", answered " + byClass + ", dropped " + dropped
                    + ", probes answered " + probes + ", listener crashes " + failures;
        }
    }

    @Test
    void udpTortureAndProtosCampaign() throws Exception {
        try (ListenerUnderTest listener = new ListenerUnderTest(Transport.UDP, 65536);
             DatagramSocket socket = new DatagramSocket(0, RawSipClient.loopback())) {
            RawSipClient client = new RawSipClient(listener.address(), 700);
            HostileCorpus corpus = new HostileCorpus("UDP", listener.address().getPort(), socket.getLocalPort());
            Tally tally = new Tally();
            List<HostileCorpus.Case> cases = new ArrayList<>(corpus.torture());
            cases.addAll(corpus.campaign());
            for (int i = 0; i < cases.size(); i++) {
                HostileCorpus.Case c = cases.get(i);
                tally.count(c, client.udp(socket, bytes(c), c.callId()));
                if (i % PROBE_EVERY == PROBE_EVERY - 1) {
                    HostileCorpus.Case probe = corpus.options("probe");
                    assertThat(client.udp(socket, bytes(probe), probe.callId())).as("probe after " + c.name())
                            .contains(200);
                    tally.probes++;
                }
            }
            System.out.println(tally.summary("UDP", listener.listenerFailures.get()));
            assertThat(tally.wrong).isEmpty();
            assertThat(listener.listenerFailures).hasValue(0);
            assertThat(tally.sent).isGreaterThan(150);
        }
    }

    @Test
    void tcpTortureRequestsAreAnswered() throws Exception {
        try (ListenerUnderTest listener = new ListenerUnderTest(Transport.TCP, 65536)) {
            RawSipClient client = new RawSipClient(listener.address(), 5000);
            HostileCorpus corpus = new HostileCorpus("TCP", listener.address().getPort(), 5060);
            Tally tally = new Tally();
            for (HostileCorpus.Case c : corpus.torture()) {
                tally.count(c, client.tcp(bytes(c), c.callId()));
            }
            System.out.println(tally.summary("TCP", listener.listenerFailures.get()));
            assertThat(tally.wrong).isEmpty();
        }
    }

    @Test
    void overSizeHeaderBlockIsRefusedOnUdpAndTcp() throws Exception {
        for (Transport transport : new Transport[] {Transport.UDP, Transport.TCP}) {
            try (ListenerUnderTest listener = new ListenerUnderTest(transport, 4096);
                 DatagramSocket socket = new DatagramSocket(0, RawSipClient.loopback())) {
                RawSipClient client = new RawSipClient(listener.address(), 1500);
                HostileCorpus corpus = new HostileCorpus(transport.name(), listener.address().getPort(),
                        socket.getLocalPort());
                String id = corpus.nextId();
                Map<String, String> headers = corpus.valid("OPTIONS", id);
                for (int i = 0; i < 50; i++) {
                    headers.put("X-Filler-" + i, "x".repeat(400));
                }
                byte[] big = corpus.render(corpus.line("OPTIONS"), headers, "").getBytes(StandardCharsets.UTF_8);
                assertThat(big.length).isGreaterThan(20_000);
                Optional<Integer> answer = transport == Transport.UDP ? client.udp(socket, big, id) : client.tcp(big, id);
                assertThat(answer).as(transport + " over-size").satisfiesAnyOf(a -> assertThat(a).isEmpty(),
                        a -> assertThat(a).contains(513));
                HostileCorpus.Case probe = corpus.options("probe");
                Optional<Integer> after = transport == Transport.UDP ? client.udp(socket, bytes(probe), probe.callId())
                        : client.tcp(bytes(probe), probe.callId());
                assertThat(after).as(transport + " still answering").contains(200);
            }
        }
    }

    private static byte[] bytes(HostileCorpus.Case c) {
        return c.message().getBytes(StandardCharsets.UTF_8);
    }
}
