package org.cusax.sip.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.Transport;
import org.cusax.sip.tls.ListenerIdentity;
import org.cusax.sip.tls.TlsPolicy;
import org.cusax.testbed.pki.CertificateFiles;
import org.cusax.testbed.pki.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile SIP over TLS on the client's own listener, screened like TCP once the handshake is done (on the
 * decrypted stream): RFC 3261 §8.2.6/§21.4.1 a malformed To is answered 400 on the connection; §18.1.1 with
 * our {@code sip.max-message-size} an over-size message is refused (513); §18.2.2 a request whose top Via says
 * UDP is answered on the same connection; a valid OPTIONS is answered 200. The client is a real TLS socket
 * that trusts only the run's CA and checks the listener's host name (RFC 5922).
 */
class HostileSipTlsTest {
    private static final int LIMIT = 16_384;
    private static final String HOST = "client.cusax.test";

    @TempDir
    static Path dir;
    static TestCa ca;
    static ListenerUnderTest listener;
    static RawSipClient client;
    static HostileCorpus corpus;

    @BeforeAll
    static void listen() throws Exception {
        ca = TestCa.create(dir);
        CertificateFiles identity = ca.issue("listener", List.of(HOST), List.of("127.0.0.1"));
        TlsPolicy tls = TlsPolicy.create(new SecuritySettings(Optional.of(ca.certificate()), Optional.empty(),
                "TLSv1.2", true), "cusax.test")
                .withListenerIdentity(ListenerIdentity.fromPem(identity.certificate(), identity.privateKey()));
        listener = new ListenerUnderTest(Transport.TLS, LIMIT, Optional.of(tls));
        client = new RawSipClient(listener.address(), 3000);
        corpus = new HostileCorpus("TLS", listener.address().getPort(), 9);
    }

    @AfterAll
    static void close() {
        if (listener != null) {
            listener.close();
        }
    }

    private static Optional<Integer> send(String message, String callId) throws Exception {
        return client.tls(ca.sslContext().getSocketFactory(), HOST, message.getBytes(StandardCharsets.UTF_8), callId);
    }

    @Test
    void aValidOptionsIsAnswered200() throws Exception {
        HostileCorpus.Case probe = corpus.options("probe");
        assertThat(send(probe.message(), probe.callId())).contains(200);
    }

    @Test
    void theListenerPresentsItsCertificateAndAClientCheckingAnotherHostRefusesIt() throws Exception {
        HostileCorpus.Case probe = corpus.options("probe");
        assertThatThrownBy(() -> client.tls(ca.sslContext().getSocketFactory(), "other.cusax.test",
                probe.message().getBytes(StandardCharsets.UTF_8), probe.callId()))
                .isInstanceOf(SSLHandshakeException.class);
        SSLContext untrusting = SSLContext.getInstance("TLS");
        untrusting.init(null, null, null); // the JDK's default trust: not our run's CA
        assertThatThrownBy(() -> client.tls(untrusting.getSocketFactory(), HOST,
                probe.message().getBytes(StandardCharsets.UTF_8), probe.callId()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void aRequestWhoseTopViaSaysUdpIsAnsweredOnTheSameConnection() throws Exception {
        // the Via names a port nobody listens on: an answer can only come back on our connection
        for (String via : new String[] {"UDP", "TCP", "SCTP"}) {
            String id = corpus.nextId();
            Map<String, String> req = corpus.valid("OPTIONS", id);
            req.put("Via", "SIP/2.0/" + via + " 127.0.0.1:9;branch=z9hG4bK" + id + ";rport");
            Optional<Integer> answer = send(corpus.render(corpus.line("OPTIONS"), req, ""), id);
            System.out.println("TLS connection, top Via " + via + " -> " + answer.map(String::valueOf)
                    .orElse("no answer"));
            assertThat(answer).as("top Via " + via).contains(200);
        }
        assertThat(listener.listenerFailures).hasValue(0);
    }

    @Test
    void aMalformedToIsAnswered400() throws Exception {
        Map<String, Integer> answers = new TreeMap<>();
        for (String to : new String[] {"\"unterminated <sip:x@y", "<<<>>>\"\"\"", "(((((((((", "", ";;;;;;",
                "sip:" + "@".repeat(300), "\u0000\u0001\u0002", "%s%s%s%s%s%s%n%x"}) {
            String id = corpus.nextId();
            Map<String, String> req = corpus.valid("INVITE", id);
            req.put("To", to);
            Optional<Integer> answer = send(corpus.render(corpus.line("INVITE"), req, ""), id);
            answers.merge(answer.map(String::valueOf).orElse("none"), 1, Integer::sum);
            assertThat(answer).as("To: " + to.replaceAll("\\p{Cntrl}", "?")).contains(400);
        }
        System.out.println("TLS: malformed To answered " + answers);
        assertThat(listener.listenerFailures).hasValue(0);
    }

    @Test
    void headerBlocksUnderTheLimitAreAnsweredAndOverItRefused513() throws Exception {
        for (int target : new int[] {LIMIT / 2 + 1000, LIMIT - 1000, LIMIT + 2000}) {
            String id = corpus.nextId();
            Map<String, String> req = corpus.valid("OPTIONS", id);
            for (int i = 0; corpus.render(corpus.line("OPTIONS"), req, "").length() < target - 120; i++) {
                req.put("X-Filler-" + i, "x".repeat(100));
            }
            String msg = corpus.render(corpus.line("OPTIONS"), req, "");
            Optional<Integer> answer = send(msg, id);
            System.out.println("TLS: header block of " + msg.length() + " bytes (limit " + LIMIT + ") -> "
                    + answer.map(String::valueOf).orElse("no answer"));
            assertThat(answer).as(msg.length() + " bytes").contains(msg.length() <= LIMIT ? 200 : 513);
        }
        HostileCorpus.Case probe = corpus.options("probe");
        assertThat(send(probe.message(), probe.callId())).as("still answering").contains(200);
    }
}
