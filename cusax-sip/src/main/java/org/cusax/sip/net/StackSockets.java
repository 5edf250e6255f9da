package org.cusax.sip.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every socket one JAIN-SIP stack has: the listeners, the connections it opens and the connections
 * its listeners accept. The stack's network layer registers each one here; after the stack has
 * stopped, {@link #closeRemaining} closes whatever is still open, and from then on no socket is
 * opened or accepted any more.
 * <p>
 * Needed because JAIN-SIP 1.3.0-91's stop closes only the connections it still knows: an accepted
 * TLS connection is known to its {@code TLSMessageProcessor} only once a SIP request has arrived on it
 * (or if its handshake, run on the connection's own thread, happened to finish before the accepting
 * thread looked), and its socket table forgets or misses a connection opened while the stop runs
 * (a send racing with the stop, such as the CRLF answer to the double CRLF its own reader feeds the
 * parser when a connection ends). Such a connection keeps a reader thread blocked on it forever, and
 * the peer's end open.
 */
public final class StackSockets {
    private static final Logger LOG = LoggerFactory.getLogger(StackSockets.class);

    private final String stackName;
    private final Map<Closeable, Boolean> open = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    public StackSockets(String stackName) {
        this.stackName = stackName;
    }

    /** A plain listener whose accepted connections are registered here. */
    public ServerSocket listen(int port, int backlog, InetAddress bindAddress) throws IOException {
        refuseIfStopped();
        return register(new AcceptingServerSocket(this, port, backlog, bindAddress, null, 0));
    }

    /**
     * A plain listener whose accepted connections are registered here and screened: each whole message up to
     * {@code maxFrame} bytes goes to {@code refusals} first, and one it refuses is answered without reaching
     * the stack.
     */
    public ServerSocket listen(int port, int backlog, InetAddress bindAddress, RequestRefusals refusals,
                               int maxFrame) throws IOException {
        refuseIfStopped();
        return register(new AcceptingServerSocket(this, port, backlog, bindAddress, refusals, maxFrame));
    }

    /** Wraps a bound TLS listener so that its accepted connections are registered here. */
    public SSLServerSocket listen(SSLServerSocket bound) throws IOException {
        return register(new AcceptingSslServerSocket(this, bound, null, 0));
    }

    /**
     * Wraps a bound TLS listener so that its accepted connections are registered here and screened like TCP ones
     * (see {@link #listen(int, int, InetAddress, RequestRefusals, int)}), on the decrypted stream.
     */
    public SSLServerSocket listen(SSLServerSocket bound, RequestRefusals refusals, int maxFrame) throws IOException {
        return register(new AcceptingSslServerSocket(this, bound, refusals, maxFrame));
    }

    /**
     * Registers a TLS connection the stack opened, screened like an accepted one on its decrypted stream (see
     * {@link #listen(SSLServerSocket, RequestRefusals, int)}); returns the screened view the stack must use.
     * The handshake and its certificate and host name checks stay with {@code opened}.
     */
    public SSLSocket addScreened(SSLSocket opened, RequestRefusals refusals, int maxFrame) throws IOException {
        return register(new ScreenedSslConnection(opened, refusals, maxFrame));
    }

    /** Registers a connection the stack opened (or a listener accepted). */
    public <S extends Socket> S add(S socket) throws IOException {
        return register(socket);
    }

    /** Registers a datagram socket the stack opened. */
    public DatagramSocket add(DatagramSocket socket) throws SocketException {
        return register(socket);
    }

    private <T extends Closeable> T register(T socket) throws SocketException {
        forgetClosed();
        open.put(socket, Boolean.TRUE);
        if (stopped) {
            // the stack stopped while this one was being made
            open.remove(socket);
            closeQuietly(socket);
            throw new SocketException("the SIP stack " + stackName + " is stopped");
        }
        return socket;
    }

    /** Fails fast before a socket is made for a stack that has stopped. */
    public void refuseIfStopped() throws SocketException {
        if (stopped) {
            throw new SocketException("the SIP stack " + stackName + " is stopped");
        }
    }

    /** How many registered sockets are open now. */
    public int openCount() {
        forgetClosed();
        return open.size();
    }

    /**
     * Closes every registered socket still open, to be called once the stack has stopped; afterwards
     * every new socket is refused. Returns how many were still open.
     */
    public int closeRemaining() {
        stopped = true;
        List<String> closed = new ArrayList<>();
        for (Closeable c : List.copyOf(open.keySet())) {
            open.remove(c);
            if (!isClosed(c)) {
                closed.add(describe(c));
                closeQuietly(c);
            }
        }
        if (!closed.isEmpty()) {
            LOG.debug("SIP stack {} left {} socket(s) open after its stop, now closed: {}", stackName, closed.size(),
                    closed);
        }
        return closed.size();
    }

    private void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("closing {} of {}: {}", describe(c), stackName, e.toString());
        }
    }

    private void forgetClosed() {
        open.keySet().removeIf(StackSockets::isClosed);
    }

    private static boolean isClosed(Closeable c) {
        if (c instanceof Socket s) {
            return s.isClosed();
        }
        if (c instanceof ServerSocket s) {
            return s.isClosed();
        }
        return c instanceof DatagramSocket s && s.isClosed();
    }

    private static String describe(Closeable c) {
        if (c instanceof Socket s) {
            return (c instanceof javax.net.ssl.SSLSocket ? "tls " : "tcp ") + s.getLocalSocketAddress() + "->"
                    + s.getRemoteSocketAddress();
        }
        if (c instanceof ServerSocket s) {
            return "listener " + s.getLocalSocketAddress();
        }
        return "udp " + ((DatagramSocket) c).getLocalSocketAddress();
    }
}
