package org.cusax.testbed.xmpp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Talks just enough XMPP over a raw socket to check a server: stream header, STARTTLS (the
 * certificate is verified against {@code domain} with the given trust), SASL mechanisms, and
 * optionally a PLAIN login. Independent of the Smack adapter under test.
 */
public final class XmppProbe {

    /**
     * What the probe saw.
     *
     * @param featuresBeforeTls the first {@code <stream:features>} element, verbatim
     * @param startTlsRequired  STARTTLS was offered with {@code <required/>}
     * @param tlsProtocol       negotiated TLS version, e.g. TLSv1.3
     * @param mechanisms        SASL mechanisms offered after STARTTLS, in server order
     * @param authenticated     PLAIN login result; null when no credentials were given
     */
    public record Result(String featuresBeforeTls, boolean startTlsRequired, String tlsProtocol,
            List<String> mechanisms, Boolean authenticated) {
    }

    private static final Pattern MECHANISM = Pattern.compile("<mechanism>([^<]+)</mechanism>");

    private final String host;
    private final int port;
    private final String domain;
    private final SSLContext trust;
    private Duration timeout = Duration.ofSeconds(10);

    /**
     * @param host   server address
     * @param port   client port
     * @param domain XMPP domain (stream 'to' and the name the certificate must carry)
     * @param trust  TLS context trusting the server's CA
     */
    public XmppProbe(String host, int port, String domain, SSLContext trust) {
        this.host = host;
        this.port = port;
        this.domain = domain;
        this.trust = trust;
    }

    public XmppProbe timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Stream features and TLS only. */
    public Result probe() {
        return run(null, null);
    }

    /** Also tries SASL PLAIN as {@code user} (local part) with {@code password}. */
    public Result login(String user, String password) {
        return run(user, password);
    }

    private Result run(String user, String password) {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            send(plain.getOutputStream(), header());
            String features = readUntil(plain.getInputStream(), "</stream:features>");
            String first = features.substring(features.indexOf("<stream:features"));
            boolean required = first.matches("(?s).*<starttls[^>]*>\\s*<required/>.*");
            if (!first.contains("<starttls")) {
                return new Result(first, false, null, List.of(), null);
            }
            send(plain.getOutputStream(), "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            String proceed = readUntil(plain.getInputStream(), "/>");
            if (!proceed.contains("<proceed")) {
                throw new IllegalStateException("server refused STARTTLS: " + proceed);
            }
            try (SSLSocket tls = (SSLSocket) trust.getSocketFactory().createSocket(plain, domain, port, true)) {
                SSLParameters params = tls.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                params.setServerNames(List.of(new SNIHostName(domain)));
                tls.setSSLParameters(params);
                tls.startHandshake();
                String protocol = tls.getSession().getProtocol();
                send(tls.getOutputStream(), header());
                String secured = readUntil(tls.getInputStream(), "</stream:features>");
                List<String> mechanisms = new ArrayList<>();
                Matcher m = MECHANISM.matcher(secured);
                while (m.find()) {
                    mechanisms.add(m.group(1));
                }
                Boolean authenticated = null;
                if (user != null) {
                    String token = Base64.getEncoder().encodeToString(
                            ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
                    send(tls.getOutputStream(),
                            "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + token + "</auth>");
                    String answer = readUntilAny(tls.getInputStream(), "</failure>", "<success", "/>");
                    authenticated = answer.contains("<success");
                }
                send(tls.getOutputStream(), "</stream:stream>");
                return new Result(first, required, protocol, List.copyOf(mechanisms), authenticated);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("XMPP probe of " + host + ":" + port + " failed: " + e.getMessage(), e);
        }
    }

    private String header() {
        return "<?xml version='1.0'?><stream:stream to='" + domain + "' version='1.0' xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams'>";
    }

    private static void send(OutputStream out, String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        return readUntilAny(in, end);
    }

    private static String readUntilAny(InputStream in, String... ends) throws IOException {
        StringBuilder b = new StringBuilder();
        byte[] buf = new byte[4096];
        while (true) {
            for (String end : ends) {
                if (b.indexOf(end) >= 0) {
                    return b.toString();
                }
            }
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("stream closed by the server after: " + b);
            }
            b.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
    }
}
