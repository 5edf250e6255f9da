package org.cusax.testbed.kamailio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.process.Command;
import org.cusax.testbed.sip.DigestAuth;
import org.cusax.testbed.sip.SipProbe;
import org.cusax.testbed.sip.SipResponse;
import org.cusax.testbed.sip.SipUdpClient;
import org.cusax.testbed.sip.SippUa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kamailio from deploy/kamailio: RFC 3261 §10 registrar with §22 digest (RFC 8760 SHA-256),
 * §16 proxy routing to registered contacts, RFC 5626 §4.4.1 CRLF keepalive, TLS 1.2+.
 */
class KamailioServerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults().withProsody(false));

    private static Testbed tb() {
        return TB.testbed();
    }

    @Test
    void sippRegistersWithMd5DigestAndTheBindingShows() {
        TestUser erin = tb().createUser("erin");

        Command.Result r = tb().sipp().register("erin", erin.password(), 45678, 120);

        assertThat(r.exitCode()).as(r.output()).isZero();
        List<Binding> b = tb().kamailio().registeredContacts("erin");
        assertThat(b).extracting(Binding::contact).containsExactly("sip:erin@127.0.0.1:45678");
        assertThat(b.get(0).transport()).isEqualTo("udp");
        assertThat(b.get(0).expiresSeconds()).isBetween(100L, 120L);
    }

    @Test
    void optionsReachARegisteredUaAndTellMissingFromUnknownUsers() {
        TestUser fay = tb().createUser("fay");
        tb().createUser("gus");
        SipProbe probe = tb().kamailio().probe();
        try (SippUa ua = tb().sipp().answeringUa("fay")) {
            assertThat(probe.register("fay", fay.password(), ua.contact(), 60).status()).isEqualTo(200);

            assertThat(probe.options("fay")).isEqualTo(200);
            assertThat(ua.messages()).contains("OPTIONS sip:fay@");
        }
        assertThat(probe.options("gus")).as("known user, no binding").isEqualTo(480);
        assertThat(probe.options("nobody")).as("unknown user").isEqualTo(404);
    }

    @Test
    void aCallFromOutsideReachesTheRegisteredUaAndEndsByBye() {
        TestUser oto = tb().createUser("oto");
        try (SippUa ua = tb().sipp().answeringUa("oto")) {
            assertThat(tb().kamailio().probe().register("oto", oto.password(), ua.contact(), 60).status())
                    .isEqualTo(200);

            Command.Result call = tb().sipp().call("oto");

            assertThat(call.exitCode()).as(call.output()).isZero();
            assertThat(ua.messages()).contains("INVITE sip:oto@127.0.0.1:" + ua.port()).contains("BYE sip:oto@");
        }
    }

    @Test
    void requestsFromALocalUserNeedItsCredentials() {
        TestUser hal = tb().createUser("hal");
        tb().createUser("ida");
        try (SipUdpClient c = new SipUdpClient(KamailioServer.HOST, tb().kamailio().udpPort())) {
            String from = hal.sipAor();
            String to = "sip:ida@" + tb().domain();

            SipResponse noCredentials = c.request("OPTIONS", to, from, to, List.of(), null, null);
            assertThat(noCredentials.status()).isEqualTo(407);
            assertThat(noCredentials.header("Proxy-Authenticate")).startsWith("Digest realm=\"" + tb().domain() + "\"");

            SipResponse wrong = c.request("OPTIONS", to, from, to, List.of(), "hal", "wrong");
            assertThat(wrong.status()).isEqualTo(407);

            SipResponse right = c.request("OPTIONS", to, from, to, List.of(), "hal", hal.password());
            assertThat(right.status()).as("authenticated, then routed: ida has no binding").isEqualTo(480);
        }
    }

    @Test
    void registrationNeedsTheUsersOwnPassword() {
        TestUser jon = tb().createUser("jon");
        tb().createUser("kim");
        SipProbe probe = tb().kamailio().probe();

        assertThat(probe.register("jon", "not-it", "sip:jon@127.0.0.1:5999", 60).status()).isEqualTo(401);
        assertThat(probe.register("kim", jon.password(), "sip:kim@127.0.0.1:5999", 60).status()).isEqualTo(401);
        assertThat(tb().kamailio().registeredContacts("jon")).isEmpty();
        assertThat(tb().kamailio().registeredContacts("kim")).isEmpty();
    }

    @Test
    void anAccountNamedByItsE164NumberRegistersUnderThatName() {
        TestUser line = tb().createPhoneUser("+4915112345678");
        SipProbe probe = tb().kamailio().probe();

        assertThat(probe.register(line.name(), "not-it", "sip:+4915112345678@127.0.0.1:5996", 60).status())
                .isEqualTo(401);
        assertThat(probe.register(line.name(), line.password(), "sip:+4915112345678@127.0.0.1:5996", 60).status())
                .isEqualTo(200);
        assertThat(tb().kamailio().registeredContacts(line.name())).isNotEmpty();
        assertThatThrownBy(() -> tb().createPhoneUser("4915112345678")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tb().createPhoneUser("+49 151 12345678")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sha256DigestWhenSelected() {
        KamailioServer k = tb().kamailio();
        TestUser lea = tb().createUser("lea");
        try {
            k.setDigestAlgorithm(DigestAlgorithm.SHA_256);
            k.restart();
            try (SipUdpClient c = new SipUdpClient(KamailioServer.HOST, k.udpPort())) {
                String aor = lea.sipAor();
                SipResponse challenge = c.request("REGISTER", "sip:" + tb().domain(), aor, aor,
                        List.of("Contact: <sip:lea@127.0.0.1:5998>"), null, null);
                assertThat(challenge.status()).isEqualTo(401);
                assertThat(challenge.header("WWW-Authenticate"))
                        .matches("Digest realm=\"cusax\\.test\", nonce=\"[^\"]+\", qop=\"auth\", algorithm=SHA-256");
            }
            assertThat(k.probe().register("lea", lea.password(), "sip:lea@127.0.0.1:5998", 60).status()).isEqualTo(200);
            assertThat(k.registeredContacts("lea")).hasSize(1);
        } finally {
            k.setDigestAlgorithm(DigestAlgorithm.MD5);
            k.restart();
        }
    }

    @Test
    void credentialsFromBeforeARestartGetAStaleChallengeButAWrongPasswordDoesNot() {
        KamailioServer k = tb().kamailio();
        TestUser pia = tb().createUser("pia");
        String aor = pia.sipAor();
        String uri = "sip:" + tb().domain();
        List<String> contact = List.of("Contact: <sip:pia@127.0.0.1:5995>");
        try (SipUdpClient c = new SipUdpClient(KamailioServer.HOST, k.udpPort())) {
            String oldChallenge = c.request("REGISTER", uri, aor, aor, contact, null, null).header("WWW-Authenticate");
            String oldCredentials = "Authorization: "
                    + DigestAuth.authorization(oldChallenge, "REGISTER", uri, "pia", pia.password());

            k.restart();

            SipResponse stale = c.request("REGISTER", uri, aor, aor, with(contact, oldCredentials), null, null);
            assertThat(stale.status()).isEqualTo(401);
            assertThat(stale.header("WWW-Authenticate")).contains("stale=true");
            String wrongCredentials = "Authorization: "
                    + DigestAuth.authorization(stale.header("WWW-Authenticate"), "REGISTER", uri, "pia", "wrong");
            SipResponse wrong = c.request("REGISTER", uri, aor, aor, with(contact, wrongCredentials), null, null);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.header("WWW-Authenticate")).doesNotContain("stale");
        }
    }

    private static List<String> with(List<String> headers, String extra) {
        List<String> all = new java.util.ArrayList<>(headers);
        all.add(extra);
        return all;
    }

    @Test
    void kill9LosesBindingsButKeepsPortsAndUsers() {
        KamailioServer k = tb().kamailio();
        TestUser max = tb().createUser("max");
        assertThat(k.probe().register("max", max.password(), "sip:max@127.0.0.1:5997", 600).status()).isEqualTo(200);
        int udp = k.udpPort();
        long pid = k.pid();

        k.kill9();
        assertThat(k.isRunning()).isFalse();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains(k.configFile().toString())).orElse(false))).isEmpty();
        assertThat(k.probe().timeout(Duration.ofSeconds(1)).keepalive()).isEqualTo(SipProbe.NO_ANSWER);

        k.start();
        assertThat(k.pid()).isNotEqualTo(pid);
        assertThat(k.udpPort()).isEqualTo(udp);
        assertThat(k.registeredContacts("max")).isEmpty();
        assertThat(k.probe().register("max", max.password(), "sip:max@127.0.0.1:5997", 600).status()).isEqualTo(200);
        assertThat(k.awaitRegistered("max", WAIT)).isTrue();
    }

    /**
     * deploy/kamailio: a crash must not write Kamailio's memory (users' credentials, the TLS key) to disk. Kamailio
     * raises its own core-dump limit unless configured not to; with {@code disable_core_dump} it sets it to 0, in
     * the main process and so in every process it forks.
     */
    @Test
    void noKamailioProcessMayWriteACoreDump() throws Exception {
        long main = tb().kamailio().pid();
        List<ProcessHandle> all = Stream.concat(ProcessHandle.of(main).stream(),
                ProcessHandle.of(main).stream().flatMap(ProcessHandle::descendants)).toList();
        assertThat(all).as("the main process and the workers it forked").hasSizeGreaterThan(1);
        for (ProcessHandle p : all) {
            String limit = Files.readAllLines(Path.of("/proc/" + p.pid() + "/limits"))
                    .stream().filter(l -> l.startsWith("Max core file size")).findFirst().orElseThrow();
            assertThat(limit.split("\\s{2,}")[1]).as("soft core-dump limit of %d: %s", p.pid(), limit).isEqualTo("0");
        }
    }

    @Test
    void tlsPortSpeaksTls12OrNewerWithTheDomainCertificateAndAnswersCrlfPings() throws Exception {
        KamailioServer k = tb().kamailio();
        try (SSLSocket s = tls(k, null)) {
            assertThat(s.getSession().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
            assertThat(crlfPing(s)).isEqualTo("\r\n");
        }
        assertThatThrownBy(() -> tls(k, new String[] {"TLSv1.1"}).close()).hasMessageContaining("protocol");
        try (Socket tcp = new Socket()) {
            tcp.connect(new InetSocketAddress(KamailioServer.HOST, k.tcpPort()), 2000);
            assertThat(crlfPing(tcp)).isEqualTo("\r\n");
        }
    }

    @Test
    void requestsToAUserRegisteredOverTlsComeBackOverItsConnection() throws Exception {
        TestUser nia = tb().createUser("nia");
        KamailioServer k = tb().kamailio();
        try (SSLSocket s = tls(k, null)) {
            // The Contact names a port nobody listens on: only the stored source address works.
            String register = "REGISTER sip:" + tb().domain() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/TLS 127.0.0.1:1;branch=z9hG4bK%s;rport\r\n"
                    + "Max-Forwards: 70\r\nFrom: <" + nia.sipAor() + ">;tag=t1\r\nTo: <" + nia.sipAor() + ">\r\n"
                    + "Call-ID: tls-reg-1\r\nCSeq: %d REGISTER\r\n"
                    + "Contact: <sip:nia@127.0.0.1:1;transport=tls>\r\nExpires: 60\r\n%sContent-Length: 0\r\n\r\n";
            write(s, String.format(register, "a1", 1, ""));
            SipResponse challenge = SipResponse.parse(readMessage(s));
            assertThat(challenge.status()).isEqualTo(401);
            String auth = DigestAuth.authorization(challenge.header("WWW-Authenticate"), "REGISTER",
                    "sip:" + tb().domain(), "nia", nia.password());
            write(s, String.format(register, "a2", 2, "Authorization: " + auth + "\r\n"));
            assertThat(SipResponse.parse(readMessage(s)).status()).isEqualTo(200);
            Binding b = k.registeredContacts("nia").get(0);
            assertThat(b.transport()).isEqualTo("tls");
            assertThat(b.received()).startsWith("sip:127.0.0.1:").endsWith(";transport=tls");

            // An OPTIONS from outside arrives on our TLS connection; our 200 goes back to the prober.
            SipProbe probe = k.probe();
            var result = java.util.concurrent.CompletableFuture.supplyAsync(() -> probe.options("nia"));
            String options = readMessage(s);
            assertThat(options).startsWith("OPTIONS sip:nia@127.0.0.1:1;transport=tls SIP/2.0");
            write(s, okFor(options));
            assertThat(result.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
        }
    }

    private static void write(Socket s, String msg) throws Exception {
        s.getOutputStream().write(msg.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    /** Reads one SIP message without body (Content-Length: 0) from a stream socket. */
    private static String readMessage(Socket s) throws Exception {
        s.setSoTimeout(5000);
        InputStream in = s.getInputStream();
        StringBuilder b = new StringBuilder();
        while (b.indexOf("\r\n\r\n") < 0) {
            int c = in.read();
            if (c < 0) {
                throw new IllegalStateException("connection closed after: " + b);
            }
            b.append((char) c);
            if (b.toString().equals("\r\n")) {
                b.setLength(0); // keepalive pong
            }
        }
        return b.toString();
    }

    private static String okFor(String request) {
        StringBuilder b = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String line : request.split("\r\n")) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("via:") || lower.startsWith("from:") || lower.startsWith("call-id:")
                    || lower.startsWith("cseq:")) {
                b.append(line).append("\r\n");
            } else if (lower.startsWith("to:")) {
                b.append(line).append(";tag=ua1\r\n");
            }
        }
        return b.append("Content-Length: 0\r\n\r\n").toString();
    }

    @Test
    void wrongHostCertificateFailsTheHostNameCheck() throws Exception {
        KamailioServer k = tb().kamailio();
        try {
            k.useWrongHostCertificate(true);
            k.restart();
            assertThatThrownBy(() -> tls(k, null).close())
                    .hasStackTraceContaining("No subject alternative DNS name matching " + tb().domain());
        } finally {
            k.useWrongHostCertificate(false);
            k.restart();
        }
        tls(k, null).close();
    }

    private static SSLSocket tls(KamailioServer k, String[] protocols) throws Exception {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(KamailioServer.HOST, k.tlsPort()), 2000);
        SSLSocket s = (SSLSocket) tb().ca().sslContext().getSocketFactory()
                .createSocket(plain, tb().domain(), k.tlsPort(), true);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        p.setServerNames(List.of(new SNIHostName(tb().domain())));
        if (protocols != null) {
            p.setProtocols(protocols);
        }
        s.setSSLParameters(p);
        s.setSoTimeout(3000);
        try {
            s.startHandshake();
        } catch (Exception e) {
            s.close();
            throw e;
        }
        return s;
    }

    private static String crlfPing(Socket s) throws Exception {
        s.setSoTimeout(3000);
        OutputStream out = s.getOutputStream();
        out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[16];
        int n = in.read(buf);
        return new String(buf, 0, Math.max(0, n), StandardCharsets.US_ASCII);
    }
}
