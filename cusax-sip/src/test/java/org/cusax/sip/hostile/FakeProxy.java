package org.cusax.sip.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

/**
 * Test fixture: the proxy end of the connection the client opens (TCP, or TLS with a server certificate). It
 * accepts one connection, reads whole SIP messages from it (RFC 3261 §18.3 framing) and writes raw bytes back:
 * answers to the client's requests, and requests of its own, which the client must answer on this connection.
 */
final class FakeProxy implements AutoCloseable {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:Content-Length|l)\\s*:\\s*(\\d+)");
    private final ServerSocket listening;
    private final int waitMillis;
    private final StringBuilder received = new StringBuilder();
    private Socket connection;

    /** Over TLS when {@code tls} is present (its key manager holds the proxy's certificate). */
    FakeProxy(Optional<SSLContext> tls, int waitMillis) throws IOException {
        this.listening = tls.isPresent()
                ? tls.get().getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress())
                : new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.listening.setSoTimeout(waitMillis);
        this.waitMillis = waitMillis;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listening.getLocalPort());
    }

    /** Waits for the client's connection. */
    void accept() throws IOException {
        connection = listening.accept();
        connection.setSoTimeout(waitMillis);
    }

    /** The client's end of the connection (its local address). */
    InetSocketAddress clientEnd() {
        return (InetSocketAddress) connection.getRemoteSocketAddress();
    }

    void send(String message) throws IOException {
        OutputStream out = connection.getOutputStream();
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next whole message matching {@code wanted} (others are skipped); empty on timeout or close. */
    Optional<String> next(Predicate<String> wanted) throws IOException {
        InputStream in = connection.getInputStream();
        byte[] buf = new byte[8192];
        while (true) {
            Optional<String> message;
            while ((message = take()).isPresent()) {
                if (wanted.test(message.get())) {
                    return message;
                }
            }
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            if (n < 0) {
                return Optional.empty();
            }
            received.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
    }

    /** The status of the next final response carrying {@code callId}; empty on timeout or close. */
    Optional<Integer> finalStatus(String callId) throws IOException {
        return next(m -> RawSipClient.finalStatus(m, callId).isPresent())
                .flatMap(m -> RawSipClient.finalStatus(m, callId));
    }

    private Optional<String> take() {
        while (received.length() > 0 && (received.charAt(0) == '\r' || received.charAt(0) == '\n')) {
            received.deleteCharAt(0); // keepalive
        }
        int end = received.indexOf("\r\n\r\n");
        if (end < 0) {
            return Optional.empty();
        }
        Matcher m = CONTENT_LENGTH.matcher(received.substring(0, end));
        int total = end + 4 + (m.find() ? Integer.parseInt(m.group(1)) : 0);
        if (received.length() < total) {
            return Optional.empty();
        }
        String message = received.substring(0, total);
        received.delete(0, total);
        return Optional.of(message);
    }

    @Override
    public void close() throws IOException {
        try {
            if (connection != null) {
                connection.close();
            }
        } finally {
            listening.close();
        }
    }
}
