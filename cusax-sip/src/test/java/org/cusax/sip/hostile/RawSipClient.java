package org.cusax.sip.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Test helper: sends raw bytes to a SIP listener over UDP, TCP or TLS and returns the status code of the
 * first final response carrying the given Call-ID (or empty when none came before the wait ran out,
 * or the connection closed). Provisional responses are skipped.
 */
public final class RawSipClient {
    private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3}) ");
    private static final Pattern CALL_ID = Pattern.compile("(?im)^(?:Call-ID|i)\\s*:\\s*(\\S+)");
    private final InetSocketAddress target;
    private final int waitMillis;

    public RawSipClient(InetSocketAddress target, int waitMillis) {
        this.target = target;
        this.waitMillis = waitMillis;
    }

    /** UDP: one datagram, then the first final response for {@code callId}. */
    public Optional<Integer> udp(DatagramSocket socket, byte[] message, String callId) throws IOException {
        socket.send(new DatagramPacket(message, message.length, target));
        return receiveUdp(socket, callId, waitMillis);
    }

    /** UDP: the first final response for {@code callId} arriving on {@code socket} within {@code millis}. */
    public Optional<Integer> receiveUdp(DatagramSocket socket, String callId, int millis) throws IOException {
        socket.setSoTimeout(millis);
        byte[] buf = new byte[70_000];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            Optional<Integer> status = finalStatus(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8),
                    callId);
            if (status.isPresent()) {
                return status;
            }
        }
    }

    /** TCP: a fresh connection, the message, then the first final response for {@code callId}. */
    public Optional<Integer> tcp(byte[] message, String callId) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(target, waitMillis);
            return exchange(s, message, callId);
        }
    }

    /**
     * TLS: a fresh connection from {@code tls} (whose trust decides whether the listener's certificate is
     * accepted), host name checked against {@code host} as RFC 5922 wants, the message, then the first final
     * response for {@code callId}. A failed handshake throws.
     */
    public Optional<Integer> tls(SSLSocketFactory tls, String host, byte[] message, String callId) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(target, waitMillis);
            plain.setSoTimeout(waitMillis);
            try (SSLSocket s = (SSLSocket) tls.createSocket(plain, host, target.getPort(), true)) {
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(p);
                s.startHandshake();
                return exchange(s, message, callId);
            }
        }
    }

    private Optional<Integer> exchange(Socket s, byte[] message, String callId) throws IOException {
        s.setSoTimeout(waitMillis);
        s.getOutputStream().write(message);
        s.getOutputStream().flush();
        InputStream in = s.getInputStream();
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[8192];
        while (true) {
            int n;
            try {
                n = in.read(buf);
            } catch (IOException e) {
                return Optional.empty(); // timed out, or reset by the listener
            }
            if (n < 0) {
                return Optional.empty();
            }
            seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            for (String response : seen.toString().split("(?=SIP/2\\.0 \\d{3} )")) {
                Optional<Integer> status = finalStatus(response, callId);
                if (status.isPresent()) {
                    return status;
                }
            }
        }
    }

    static Optional<Integer> finalStatus(String text, String callId) {
        Matcher m = STATUS.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        int code = Integer.parseInt(m.group(1));
        Matcher id = CALL_ID.matcher(text);
        if (code < 200 || callId != null && !(id.find() && id.group(1).equals(callId))) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }
}
