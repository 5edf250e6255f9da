package org.cusax.xmpp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Just enough of an XMPP server (RFC 6120 §4–§5) on 127.0.0.1 to exercise the client's first steps: it
 * opens the stream and either offers no STARTTLS at all, or offers STARTTLS and then completes a TLS
 * handshake with a given certificate. Counts connections, so tests can see whether the client retried.
 */
public final class FakeXmppServer implements AutoCloseable {
    private final ServerSocket server;
    private final SSLContext tls;
    private final String domain;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    /** @param tls the certificate to present after STARTTLS, or null to offer no STARTTLS */
    public FakeXmppServer(String domain, SSLContext tls) throws IOException {
        this.domain = domain;
        this.tls = tls;
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "fake-xmpp-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                connections.incrementAndGet();
                s.setSoTimeout(10_000);
                serve(s);
            } catch (IOException e) {
                // client went away, or we are closing
            }
        }
    }

    private void serve(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        readUntil(in, "<stream:stream");
        readUntil(in, ">");
        String features = tls == null
                ? "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms>"
                : "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>";
        write(out, "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                + "xmlns:stream='http://etherx.jabber.org/streams' id='fake' from='" + domain
                + "' version='1.0'><stream:features>" + features + "</stream:features>");
        if (tls == null) {
            readUntil(in, "</stream:stream>");
            return;
        }
        readUntil(in, "<starttls");
        readUntil(in, ">");
        write(out, "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(s, null, s.getPort(), false);
        ssl.setUseClientMode(false);
        ssl.startHandshake();
        readUntil(ssl.getInputStream(), "</stream:stream>");
    }

    private static void write(OutputStream out, String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads until {@code marker} has been seen (or the stream ends). */
    private static void readUntil(InputStream in, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            seen.append((char) c);
            if (seen.length() >= marker.length()
                    && seen.substring(seen.length() - marker.length()).equals(marker)) {
                return;
            }
        }
        throw new IOException("stream ended before " + marker);
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
