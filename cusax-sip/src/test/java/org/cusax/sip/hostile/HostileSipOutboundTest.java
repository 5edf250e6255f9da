package org.cusax.sip.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.Transport;
import org.cusax.sip.net.Flow;
import org.cusax.sip.tls.ListenerIdentity;
import org.cusax.sip.tls.TlsPolicy;
import org.cusax.testbed.pki.CertificateFiles;
import org.cusax.testbed.pki.TestCa;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile SIP on the connection the client itself opened to its proxy (TCP, and TLS after a handshake in which
 * the client verified the proxy's certificate for the SIP domain): where a real proxy sends incoming requests.
 * RFC 3261 §8.2.6/§21.4.1: a malformed To is answered 400 on that connection; §18.1.1/§21.5.11 with our
 * {@code sip.max-message-size}: an over-size request is answered 513; and the connection stays open (JAIN-SIP
 * alone closes it on a malformed request, dropping the client's registration flow): a valid OPTIONS on it is
 * answered 200 afterwards, and the client's flow is still open. The screen reads the decrypted stream: a proxy
 * whose certificate names another host than the SIP domain (RFC 5922) gets no request through.
 */
class HostileSipOutboundTest {
    private static final int LIMIT = 16_384;
    private static final int WAIT = 3000;
    private static final String DOMAIN = "cusax.test";
    private static final Pattern VIA = Pattern.compile("(?im)^(?:Via|v)\\s*:.*$");

    @TempDir
    Path dir;
    private final ExecutorService sender = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        sender.shutdownNow();
        sender.awaitTermination(5, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Transport.class, names = {"TCP", "TLS"})
    void requestsOnTheConnectionToTheProxyAreScreenedAndTheConnectionStays(Transport transport) throws Exception {
        Optional<TlsPolicy> policy = Optional.empty();
        Optional<SSLContext> proxyTls = Optional.empty();
        if (transport == Transport.TLS) {
            TestCa ca = TestCa.create(dir);
            proxyTls = Optional.of(proxyContext(ca, DOMAIN));
            policy = Optional.of(clientPolicy(ca));
        }
        try (FakeProxy proxy = new FakeProxy(proxyTls, WAIT);
             ListenerUnderTest client = new ListenerUnderTest(transport, LIMIT, policy, proxy.address())) {
            // the client opens the connection by sending an OPTIONS to its proxy, which answers 200
            CompletableFuture<Void> sent = CompletableFuture.runAsync(
                    () -> sendOptions(client, transport, proxy), sender);
            proxy.accept();
            String options = proxy.next(m -> m.startsWith("OPTIONS ")).orElseThrow();
            proxy.send(okFor(options));
            sent.get(WAIT, TimeUnit.MILLISECONDS);
            if (transport == Transport.TLS) {
                assertThat(client.endpoint.flows().byLocal(proxy.clientEnd()).flatMap(Flow::tlsSession))
                        .as("the client's flow is TLS, its certificate check passed").isPresent();
            }

            // the proxy's Via names a port nobody listens on: an answer can only come back on this connection
            HostileCorpus corpus = new HostileCorpus(transport.name(), client.address().getPort(), 9);
            Map<String, Integer> answers = new TreeMap<>();
            for (String to : new String[] {"\"unterminated <sip:x@y", "<<<>>>\"\"\"", "(((((((((", "", ";;;;;;",
                    "sip:" + "@".repeat(300), "\u0000\u0001\u0002", "%s%s%s%s%s%s%n%x"}) {
                Optional<Integer> answer = malformedTo(proxy, corpus, to);
                answers.merge(answer.map(String::valueOf).orElse("none"), 1, Integer::sum);
                assertThat(answer).as("To: " + to.replaceAll("\\p{Cntrl}", "?")).contains(400);
            }
            System.out.println(transport + " connection to the proxy: malformed To answered " + answers);

            String id = corpus.nextId();
            Map<String, String> req = corpus.valid("OPTIONS", id);
            for (int i = 0; corpus.render(corpus.line("OPTIONS"), req, "").length() < LIMIT + 2000; i++) {
                req.put("X-Filler-" + i, "x".repeat(100));
            }
            proxy.send(corpus.render(corpus.line("OPTIONS"), req, ""));
            Optional<Integer> oversize = proxy.finalStatus(id);
            System.out.println(transport + " connection to the proxy: over-size OPTIONS -> " + oversize);
            assertThat(oversize).as("over the limit of " + LIMIT).contains(513);

            // still screened after the over-size message, and still open
            assertThat(malformedTo(proxy, corpus, "<<<>>>")).as("malformed To after the 513").contains(400);
            HostileCorpus.Case probe = corpus.options("probe");
            proxy.send(probe.message());
            assertThat(proxy.finalStatus(probe.callId())).as("a valid OPTIONS on the same connection").contains(200);
            assertThat(client.endpoint.flows().byLocal(proxy.clientEnd())).as("the client's flow to its proxy")
                    .hasValueSatisfying(f -> assertThat(f.isOpen()).isTrue());
            assertThat(client.listenerFailures).hasValue(0);
        }
    }

    /** The screen sits above TLS: a proxy whose certificate names another host still gets no request through. */
    @Test
    void aProxyWhoseCertificateNamesAnotherHostIsRefusedBeforeAnyRequest() throws Exception {
        TestCa ca = TestCa.create(dir);
        try (FakeProxy proxy = new FakeProxy(Optional.of(proxyContext(ca, "other.cusax.test")), WAIT);
             ListenerUnderTest client = new ListenerUnderTest(Transport.TLS, LIMIT, Optional.of(clientPolicy(ca)),
                     proxy.address())) {
            CompletableFuture<Void> sent = CompletableFuture.runAsync(
                    () -> sendOptions(client, Transport.TLS, proxy), sender);
            proxy.accept();
            Throwable read = catchThrowable(() -> assertThat(proxy.next(m -> true)).isEmpty());
            assertThat(read).as("the proxy reads nothing: the handshake failed")
                    .satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(SSLException.class));
            assertThat(catchThrowable(() -> sent.get(WAIT, TimeUnit.MILLISECONDS)))
                    .as("the client's send failed").isInstanceOf(ExecutionException.class);
        }
    }

    private static SSLContext proxyContext(TestCa ca, String host) throws Exception {
        CertificateFiles proxyId = ca.issue("proxy-" + host.replace('.', '-'), List.of(host), List.of("127.0.0.1"));
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(new KeyManager[] {ListenerIdentity.fromPem(proxyId.certificate(), proxyId.privateKey())},
                null, null);
        return server;
    }

    private static TlsPolicy clientPolicy(TestCa ca) throws Exception {
        return TlsPolicy.create(new SecuritySettings(Optional.of(ca.certificate()), Optional.empty(), "TLSv1.2", true),
                DOMAIN);
    }

    private static Optional<Integer> malformedTo(FakeProxy proxy, HostileCorpus corpus, String to) throws Exception {
        String id = corpus.nextId();
        Map<String, String> req = corpus.valid("INVITE", id);
        req.put("To", to);
        proxy.send(corpus.render(corpus.line("INVITE"), req, ""));
        return proxy.finalStatus(id);
    }

    /** Sends an OPTIONS through the client's stack to its outbound proxy (opening the connection). */
    private static void sendOptions(ListenerUnderTest client, Transport transport, FakeProxy proxy) {
        try {
            SipProvider provider = client.endpoint.provider();
            AddressFactory addresses = client.endpoint.addresses();
            HeaderFactory headers = client.endpoint.headers();
            SipURI target = addresses.createSipURI(null, DOMAIN);
            List<ViaHeader> via = new ArrayList<>(List.of(headers.createViaHeader("127.0.0.1",
                    client.address().getPort(), transport.name(), null)));
            Request request = client.endpoint.messages().createRequest(target, Request.OPTIONS, provider.getNewCallId(),
                    headers.createCSeqHeader(1L, Request.OPTIONS),
                    headers.createFromHeader(addresses.createAddress("sip:alice@" + DOMAIN), "out1"),
                    headers.createToHeader(addresses.createAddress("sip:" + DOMAIN), null), via,
                    headers.createMaxForwardsHeader(70));
            provider.getNewClientTransaction(request).sendRequest();
        } catch (Exception e) {
            throw new IllegalStateException("the client could not send its OPTIONS to " + proxy.address(), e);
        }
    }

    /** A 200 to {@code request}, its Via, From, To (tagged), Call-ID and CSeq copied. */
    private static String okFor(String request) {
        StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
        Matcher via = VIA.matcher(request);
        while (via.find()) {
            ok.append(via.group()).append("\r\n");
        }
        for (String name : new String[] {"From", "To", "Call-ID", "CSeq"}) {
            Matcher m = Pattern.compile("(?im)^" + name + "\\s*:.*$").matcher(request);
            if (m.find()) {
                ok.append(m.group()).append(name.equals("To") ? ";tag=proxy1" : "").append("\r\n");
            }
        }
        return ok.append("Content-Length: 0\r\n\r\n").toString();
    }
}
