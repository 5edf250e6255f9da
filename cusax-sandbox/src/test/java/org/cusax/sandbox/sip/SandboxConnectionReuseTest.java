package org.cusax.sandbox.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.cusax.testbed.sip.DigestAuth;
import org.cusax.testbed.sip.SipResponse;
import org.cusax.testbed.sip.SipUdpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS client whose Contact names its listening port, not the port of the connection it registered
 * over (as baresip/libre does): the sandbox proxy, which opens no TLS connections, still reaches it
 * over that connection (RFC 3581 {@code received}/{@code rport} of the REGISTER, as Kamailio's
 * {@code fix_nated_register}). The client is a raw TLS socket speaking SIP text; the caller is the
 * testbed's raw UDP client.
 */
class SandboxConnectionReuseTest {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:Content-Length|l)\\s*:\\s*(\\d+)");

    @TempDir
    static Path dir;
    private static SandboxSip sip;

    @BeforeAll
    static void start() throws Exception {
        sip = SandboxSip.start(SandboxSipOptions.defaults("sandbox.test", dir).withDigestAlgorithms(List.of("MD5")));
    }

    @AfterAll
    static void stop() {
        if (sip != null) {
            sip.stop();
        }
    }

    @Test
    @DisplayName("RFC 3261 §18.2.2 / RFC 3581: a TLS client whose Contact is not its connection's address is reached over that connection")
    void tlsClientReachedOverItsOwnConnection() throws Exception {
        String user = "lib" + UUID.randomUUID().toString().substring(0, 8);
        sip.addUser(user, "pw-" + user);
        int notListening;
        try (ServerSocket s = new ServerSocket(0)) {
            notListening = s.getLocalPort();
        }
        String contact = "sip:" + user + "@127.0.0.1:" + notListening + ";transport=tls";
        try (SSLSocket tls = (SSLSocket) trustingSandbox().getSocketFactory().createSocket("127.0.0.1", sip.tlsPort())) {
            tls.setSoTimeout(15_000);
            tls.startHandshake();
            assertThat(tls.getLocalPort()).isNotEqualTo(notListening);
            InputStream in = tls.getInputStream();
            OutputStream out = tls.getOutputStream();

            String callId = UUID.randomUUID() + "@raw-tls";
            send(out, register(user, contact, callId, 1, null));
            SipResponse challenge = SipResponse.parse(read(in));
            assertThat(challenge.status()).isEqualTo(401);
            String auth = DigestAuth.authorization(challenge.header("WWW-Authenticate"), "REGISTER",
                    "sip:" + sip.domain(), user, "pw-" + user);
            send(out, register(user, contact, callId, 2, "Authorization: " + auth));
            SipResponse ok = SipResponse.parse(read(in));
            assertThat(ok.status()).as("%s", ok).isEqualTo(200);
            assertThat(sip.contactsOf(user)).containsExactly(contact);

            try (SipUdpClient caller = new SipUdpClient("127.0.0.1", sip.udpPort())) {
                CompletableFuture<SipResponse> answer = CompletableFuture.supplyAsync(
                        () -> caller.options("sip:" + user + "@" + sip.domain(), "sip:probe@elsewhere.test"));
                String request = read(in);
                assertThat(request).as("forwarded over the registered connection").startsWith("OPTIONS " + contact + " ");
                send(out, okFor(request));
                SipResponse reply = answer.get(20, TimeUnit.SECONDS);
                assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            }
        }
    }

    private String register(String user, String contact, String callId, int cseq, String authorization) {
        String aor = "sip:" + user + "@" + sip.domain();
        String sentBy = contact.substring(contact.indexOf('@') + 1, contact.indexOf(';'));
        return "REGISTER sip:" + sip.domain() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS " + sentBy + ";rport;branch=z9hG4bK" + UUID.randomUUID().toString().replace("-", "") + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + aor + ">;tag=raw" + cseq + "\r\n"
                + "To: <" + aor + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <" + contact + ">\r\n"
                + "Expires: 300\r\n"
                + (authorization == null ? "" : authorization + "\r\n")
                + "Content-Length: 0\r\n\r\n";
    }

    /** A 200 OK to {@code request} (RFC 3261 §8.2.6: Via, From, To with a tag, Call-ID, CSeq copied). */
    private static String okFor(String request) {
        StringBuilder b = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String line : request.split("\r\n")) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT) : "";
            switch (name) {
                case "via", "v", "from", "f", "call-id", "i", "cseq" -> b.append(line).append("\r\n");
                case "to", "t" -> b.append(line).append(";tag=rawtls\r\n");
                default -> { }
            }
        }
        return b.append("Content-Length: 0\r\n\r\n").toString();
    }

    private static void send(OutputStream out, String message) throws IOException {
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One SIP message from the stream: headers up to the blank line, then Content-Length bytes. */
    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed after: " + head.toString(StandardCharsets.UTF_8));
            }
            if (head.size() == 0 && (c == '\r' || c == '\n')) {
                continue; // keepalive CRLFs between messages
            }
            head.write(c);
            String s = head.toString(StandardCharsets.UTF_8);
            if (s.endsWith("\r\n\r\n")) {
                Matcher m = CONTENT_LENGTH.matcher(s);
                int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
                return s + new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
        }
    }

    private static SSLContext trustingSandbox() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(sip.caCertificate())) {
            trust.setCertificateEntry("sandbox-ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
