package org.cusax.testbed.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal SIP client over UDP on 127.0.0.1 for probing a server: one request at a time,
 * retransmitted like RFC 3261 timer A (500 ms doubling to 4 s), provisional responses skipped,
 * digest challenges (401/407, MD5 or SHA-256) answered once. Independent of the JAIN-SIP adapter
 * under test. Not thread-safe.
 */
public final class SipUdpClient implements AutoCloseable {

    /** How long a request waits for its final response by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(8);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int cseq = 1;

    /** A client bound to 127.0.0.1 at a free port, sending to {@code host:port}. */
    public SipUdpClient(String host, int port) {
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.server = new InetSocketAddress(host, port);
    }

    /** Changes how long each request waits for its final response. */
    public SipUdpClient timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /**
     * Sends a request and returns its final response, answering one digest challenge when
     * {@code password} is not null.
     *
     * @param method       e.g. "OPTIONS"
     * @param requestUri   Request-URI
     * @param from         From URI (without tag)
     * @param to           To URI
     * @param extraHeaders complete header lines ("Expires: 60")
     * @param authUser     digest user name, or null
     * @param password     digest password, or null for no authentication
     * @throws SipTimeoutException when no final response arrives in time
     */
    public SipResponse request(String method, String requestUri, String from, String to, List<String> extraHeaders,
            String authUser, String password) {
        String callId = token() + "@cusax-testbed";
        String fromTag = token();
        SipResponse r = transaction(build(method, requestUri, from, fromTag, to, callId, extraHeaders, null));
        if ((r.status() == 401 || r.status() == 407) && password != null) {
            String challenge = r.header(r.status() == 401 ? "WWW-Authenticate" : "Proxy-Authenticate");
            if (challenge == null) {
                return r;
            }
            String header = (r.status() == 401 ? "Authorization: " : "Proxy-Authorization: ")
                    + DigestAuth.authorization(challenge, method, requestUri, authUser, password);
            r = transaction(build(method, requestUri, from, fromTag, to, callId, extraHeaders, header));
        }
        return r;
    }

    /** OPTIONS to {@code requestUri} from {@code from}, without credentials. */
    public SipResponse options(String requestUri, String from) {
        return request("OPTIONS", requestUri, from, requestUri, List.of("Accept: application/sdp"), null, null);
    }

    /**
     * REGISTER {@code sip:user@domain} with one Contact ({@code expires} 0 removes it), answering
     * the digest challenge with {@code user}/{@code password}.
     */
    public SipResponse register(String domain, String user, String password, String contact, int expires) {
        String aor = "sip:" + user + "@" + domain;
        return request("REGISTER", "sip:" + domain, aor, aor,
                List.of("Contact: <" + contact + ">", "Expires: " + expires), user, password);
    }

    @Override
    public void close() {
        socket.close();
    }

    private String build(String method, String requestUri, String from, String fromTag, String to, String callId,
            List<String> extraHeaders, String authorization) {
        List<String> lines = new ArrayList<>();
        lines.add(method + " " + requestUri + " SIP/2.0");
        lines.add("Via: SIP/2.0/UDP 127.0.0.1:" + localPort() + ";branch=z9hG4bK" + token() + ";rport");
        lines.add("Max-Forwards: 70");
        lines.add("From: <" + from + ">;tag=" + fromTag);
        lines.add("To: <" + to + ">");
        lines.add("Call-ID: " + callId);
        lines.add("CSeq: " + (cseq++) + " " + method);
        lines.addAll(extraHeaders);
        if (authorization != null) {
            lines.add(authorization);
        }
        lines.add("User-Agent: cusax-testbed-probe");
        lines.add("Content-Length: 0");
        return String.join("\r\n", lines) + "\r\n\r\n";
    }

    private SipResponse transaction(String request) {
        String branch = request.substring(request.indexOf(";branch=") + 8, request.indexOf(";rport"));
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + timeout.toNanos();
        long interval = 500;
        long nextSend = 0;
        boolean provisional = false;
        byte[] buf = new byte[65535];
        try {
            while (true) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    throw new SipTimeoutException("no final response within " + timeout.toMillis() + " ms from "
                            + server + " to: " + request.lines().findFirst().orElse(""));
                }
                if (!provisional && now >= nextSend) {
                    socket.send(new DatagramPacket(bytes, bytes.length, server));
                    nextSend = now + interval * 1_000_000;
                    interval = Math.min(interval * 2, 4000);
                }
                long wait = Math.max(1, Math.min(deadline, provisional ? deadline : nextSend) - now) / 1_000_000;
                socket.setSoTimeout((int) Math.max(1, wait));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                SipResponse r = SipResponse.parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
                if (r == null || !r.text().contains(branch)) {
                    continue;
                }
                if (r.status() >= 200) {
                    return r;
                }
                provisional = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String token() {
        return Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    }
}
