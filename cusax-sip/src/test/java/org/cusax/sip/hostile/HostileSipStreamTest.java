package org.cusax.sip.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.cusax.core.account.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile SIP on a stream connection and at the size limit. RFC 3261 §18.2.2: over TCP a response goes back
 * on the connection the request came on, whatever transport its top Via names. RFC 3261 §18.1.1/§21.5.11
 * with our {@code sip.max-message-size}: a header block above half the limit but under it is answered on
 * every transport, a message over it refused (513, or dropped unread on UDP), and the listener goes on.
 */
class HostileSipStreamTest {
    /** Under UDP's 65,507-byte datagram, so that an over-size message can be sent on every transport. */
    private static final int LIMIT = 16_384;

    @Test
    void overTcpARequestWhoseTopViaNamesAnotherTransportIsAnsweredOnTheSameConnection() throws Exception {
        try (ListenerUnderTest listener = new ListenerUnderTest(Transport.TCP, LIMIT)) {
            RawSipClient client = new RawSipClient(listener.address(), 3000);
            // the Via names a port nobody listens on: an answer can only come back on our connection
            HostileCorpus corpus = new HostileCorpus("TCP", listener.address().getPort(), 9);
            for (String via : new String[] {"UDP", "TLS", "SCTP", "WS"}) {
                String id = corpus.nextId();
                Map<String, String> req = corpus.valid("OPTIONS", id);
                req.put("Via", "SIP/2.0/" + via + " 127.0.0.1:9;branch=z9hG4bK" + id + ";rport");
                Optional<Integer> answer = client.tcp(corpus.render(corpus.line("OPTIONS"), req, "")
                        .getBytes(StandardCharsets.UTF_8), id);
                System.out.println("TCP connection, top Via " + via + " -> " + answer.map(String::valueOf)
                        .orElse("no answer"));
                assertThat(answer).as("top Via " + via).contains(200);
            }
            assertThat(listener.listenerFailures).hasValue(0);
        }
    }

    /**
     * PROTOS c07-sip style: every To mutation of a valid INVITE, on both transports. JAIN-SIP closes a TCP
     * connection (and drops a UDP datagram) on a malformed mandatory header; RFC 3261 §8.2.6 / §21.4.1 want
     * 400, on the same connection, and the listener goes on.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void aMalformedToIsAnswered400(Transport transport) throws Exception {
        try (ListenerUnderTest listener = new ListenerUnderTest(transport, LIMIT);
             DatagramSocket socket = new DatagramSocket(0, RawSipClient.loopback())) {
            RawSipClient client = new RawSipClient(listener.address(), 3000);
            HostileCorpus corpus = new HostileCorpus(transport.name(), listener.address().getPort(),
                    socket.getLocalPort());
            java.util.Map<String, Integer> answers = new java.util.TreeMap<>();
            for (String to : new String[] {"\"unterminated <sip:x@y", "<<<>>>\"\"\"", "(((((((((", "", ";;;;;;",
                    "sip:" + "@".repeat(300), "\u0000\u0001\u0002", "%s%s%s%s%s%s%n%x"}) {
                String id = corpus.nextId();
                Map<String, String> req = corpus.valid("INVITE", id);
                req.put("To", to);
                byte[] msg = corpus.render(corpus.line("INVITE"), req, "").getBytes(StandardCharsets.UTF_8);
                Optional<Integer> answer = transport == Transport.UDP ? client.udp(socket, msg, id) : client.tcp(msg, id);
                answers.merge(answer.map(String::valueOf).orElse("none"), 1, Integer::sum);
                assertThat(answer).as("To: " + to.replaceAll("\\p{Cntrl}", "?")).contains(400);
            }
            System.out.println(transport + ": malformed To answered " + answers);
            HostileCorpus.Case probe = corpus.options("probe");
            byte[] bytes = probe.message().getBytes(StandardCharsets.UTF_8);
            assertThat(transport == Transport.UDP ? client.udp(socket, bytes, probe.callId())
                    : client.tcp(bytes, probe.callId())).as("still answering").contains(200);
            assertThat(listener.listenerFailures).hasValue(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void headerBlocksUnderTheLimitAreAnsweredAndOverItRefused(Transport transport) throws Exception {
        try (ListenerUnderTest listener = new ListenerUnderTest(transport, LIMIT);
             DatagramSocket socket = new DatagramSocket(0, RawSipClient.loopback())) {
            RawSipClient client = new RawSipClient(listener.address(), 3000);
            HostileCorpus corpus = new HostileCorpus(transport.name(), listener.address().getPort(),
                    socket.getLocalPort());
            for (int target : new int[] {LIMIT / 2 + 1000, LIMIT - 1000, LIMIT + 2000}) {
                String id = corpus.nextId();
                Map<String, String> req = corpus.valid("OPTIONS", id);
                for (int i = 0; corpus.render(corpus.line("OPTIONS"), req, "").length() < target - 120; i++) {
                    req.put("X-Filler-" + i, "x".repeat(100));
                }
                byte[] msg = corpus.render(corpus.line("OPTIONS"), req, "").getBytes(StandardCharsets.UTF_8);
                Optional<Integer> answer = transport == Transport.UDP ? client.udp(socket, msg, id)
                        : client.tcp(msg, id);
                System.out.println(transport + ": header block of " + msg.length + " bytes (limit " + LIMIT + ") -> "
                        + answer.map(String::valueOf).orElse("no answer"));
                if (msg.length <= LIMIT) {
                    assertThat(msg.length).isGreaterThan(LIMIT / 2);
                    assertThat(answer).as(msg.length + " bytes").contains(200);
                } else {
                    assertThat(answer).as(msg.length + " bytes").satisfiesAnyOf(a -> assertThat(a).isEmpty(),
                            a -> assertThat(a).contains(513));
                    if (transport == Transport.TCP) {
                        assertThat(answer).as("TCP answers the over-size request").contains(513);
                    }
                }
            }
            HostileCorpus.Case probe = corpus.options("probe");
            byte[] bytes = probe.message().getBytes(StandardCharsets.UTF_8);
            assertThat(transport == Transport.UDP ? client.udp(socket, bytes, probe.callId())
                    : client.tcp(bytes, probe.callId())).as("still answering").contains(200);
            assertThat(listener.listenerFailures).hasValue(0);
        }
    }
}
