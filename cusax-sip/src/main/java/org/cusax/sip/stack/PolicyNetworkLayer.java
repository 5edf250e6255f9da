package org.cusax.sip.stack;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;

import org.cusax.sip.net.FlowMonitor;
import org.cusax.sip.net.ObservedSocket;
import org.cusax.sip.net.StackSockets;
import org.cusax.sip.tls.TlsPolicy;

/**
 * Creates every socket of one JAIN-SIP stack: client connections are {@link ObservedSocket}s (so we
 * see them close), TLS is layered on them by our {@link TlsPolicy}, connects have a timeout. The stack
 * instantiates this class by name; {@link #configure} must run before the first socket is made, and
 * until then every socket request fails (fail closed rather than fall back to JAIN-SIP's defaults).
 * Every socket, listeners and the connections they accept included, is registered with the stack's
 * {@link StackSockets}, which closes what the stack's stop left open. What arrives on a stream connection,
 * accepted or opened by us (TLS: once decrypted), is screened ({@link #streamRefusal}) before the stack reads it.
 */
public final class PolicyNetworkLayer implements NetworkLayer {
    private volatile TlsPolicy tls;
    private volatile FlowMonitor flows;
    private volatile int connectTimeoutMillis = 10_000;
    private volatile int maxMessageSize;
    private volatile StackSockets sockets = new StackSockets("(unnamed)");
    /** Largest message screened on a TCP connection when no size limit is configured. */
    private static final int DEFAULT_FRAME = 65_536;

    public PolicyNetworkLayer() {
        // created reflectively by JAIN-SIP
    }

    void configure(TlsPolicy tlsPolicy, FlowMonitor flowMonitor, int connectTimeout) {
        configure(tlsPolicy, flowMonitor, connectTimeout, 0);
    }

    /** As above, and UDP datagrams larger than {@code maxMessage} bytes (when positive) are discarded. */
    void configure(TlsPolicy tlsPolicy, FlowMonitor flowMonitor, int connectTimeout, int maxMessage) {
        this.maxMessageSize = maxMessage;
        this.tls = tlsPolicy;
        this.flows = flowMonitor;
        this.connectTimeoutMillis = connectTimeout;
    }

    @Override
    public void setSipStack(SipStackImpl sipStack) {
        // called by JAIN-SIP right after creating this layer, before any socket; the rest through configure()
        sockets = new StackSockets(sipStack.getStackName());
    }

    /** Every socket of the stack, for closing what its stop left open. */
    StackSockets sockets() {
        return sockets;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        // requests with a malformed mandatory header get 400 on the connection (JAIN-SIP would close it)
        return sockets.listen(port, backlog, bindAddress, this::screen, maxFrame());
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        TlsPolicy policy = tls();
        sockets.refuseIfStopped();
        // the same screen as TCP, after the handshake, on the decrypted stream
        return sockets.listen((SSLServerSocket) policy.serverSocket(port, backlog, bindAddress),
                this::screen, maxFrame());
    }

    /**
     * The largest message a connection's screen frames: as large as the header block the stack still reads
     * (half its {@link StackProperties#HEADER_HEADROOM} times the limit), so that a message over the limit is
     * framed, answered 513 by {@link ViaTransportValve}, and the messages after it on the same connection are
     * still screened (past this size the rest of the stream passes on unscreened).
     */
    private int maxFrame() {
        return maxMessageSize > 0 ? (int) Math.min(Integer.MAX_VALUE,
                (long) maxMessageSize * StackProperties.HEADER_HEADROOM / 2) : DEFAULT_FRAME;
    }

    /** {@link #streamRefusal}, for messages within the size limit (one over it goes on to its 513). */
    private java.util.Optional<byte[]> screen(byte[] data, int offset, int length) {
        int limit = maxMessageSize;
        return limit > 0 && length > limit ? java.util.Optional.empty() : streamRefusal(data, offset, length);
    }

    /**
     * What a connection's screen answers instead of the stack: the checks of a datagram ({@link DatagramScreen}:
     * 505 for another SIP version, 400 for conflicting Content-Length), then the malformed-request 400.
     */
    static java.util.Optional<byte[]> streamRefusal(byte[] data, int offset, int length) {
        byte[] message = offset == 0 ? data : java.util.Arrays.copyOfRange(data, offset, offset + length);
        return DatagramScreen.refusal(message, length)
                .or(() -> MalformedRequestScreen.badRequestOnConnection(message, 0, length));
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return open(address, port, null, true);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return open(address, port, myAddress, true);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return open(address, port, myAddress, true);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return createSSLSocket(address, port, null);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        TlsPolicy policy = tls();
        ObservedSocket plain = open(address, port, myAddress, false);
        SSLSocket screened;
        try {
            // requests the peer (our proxy) sends on this connection are screened like on an accepted one,
            // on the decrypted stream, after the handshake and its certificate and host name checks
            screened = sockets.addScreened(policy.secure(plain, port), this::screen, maxFrame());
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
        plain.flow().wrappedBy(screened);
        return screened;
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        sockets.refuseIfStopped();
        return sockets.add(new DatagramSocket());
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress bindAddress) throws SocketException {
        sockets.refuseIfStopped();
        return sockets.add(new ScreenedDatagramSocket(port, bindAddress, maxMessageSize));
    }

    /**
     * A connection to a peer; {@code screened}: requests it sends are screened (plain TCP; TLS is screened above the
     * TLS layer instead) so that a malformed one is answered instead of JAIN-SIP closing our flow.
     */
    private ObservedSocket open(InetAddress address, int port, InetAddress myAddress, boolean screened)
            throws IOException {
        FlowMonitor monitor = flows;
        if (monitor == null) {
            throw new IOException("the SIP network layer is not configured");
        }
        sockets.refuseIfStopped();
        return sockets.add(ObservedSocket.connect(monitor, new InetSocketAddress(address, port), myAddress,
                connectTimeoutMillis, screened ? this::screen : null, maxFrame()));
    }

    private TlsPolicy tls() throws IOException {
        TlsPolicy policy = tls;
        if (policy == null) {
            throw new IOException("TLS is not configured for this SIP account");
        }
        return policy;
    }
}
