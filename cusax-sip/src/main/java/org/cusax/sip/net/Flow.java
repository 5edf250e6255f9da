package org.cusax.sip.net;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/** One TCP or TLS connection we opened to a peer. Thread-safe. */
public final class Flow {
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final FlowMonitor monitor;
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Socket outer;

    Flow(InetSocketAddress local, InetSocketAddress remote, Socket socket, FlowMonitor monitor) {
        this.local = local;
        this.remote = remote;
        this.outer = socket;
        this.monitor = monitor;
    }

    public InetSocketAddress local() {
        return local;
    }

    public InetSocketAddress remote() {
        return remote;
    }

    /** Bytes received so far (before TLS decryption, so TLS pongs count too). */
    public long bytesReceived() {
        return bytesIn.get();
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /** The TLS session, once the handshake is done, for a TLS flow. */
    public Optional<SSLSession> tlsSession() {
        if (outer instanceof SSLSocket ssl) {
            SSLSession session = ssl.getSession();
            return session == null || "SSL_NULL_WITH_NULL_NULL".equals(session.getCipherSuite())
                    ? Optional.empty() : Optional.of(session);
        }
        return Optional.empty();
    }

    /** Closes the connection (e.g. after a missing keepalive pong); the stack sees it as gone. */
    public void close() {
        try {
            outer.close();
        } catch (java.io.IOException ignored) {
            // closing anyway
        }
        markClosed("closed by us");
    }

    /** Sets the socket the stack talks through (the TLS socket layered over the observed one). */
    public void wrappedBy(Socket socket) {
        this.outer = socket;
    }

    void received(int n) {
        bytesIn.addAndGet(n);
    }

    void markClosed(String why) {
        if (closed.compareAndSet(false, true)) {
            monitor.closed(this, why);
        }
    }

    @Override
    public String toString() {
        return local.getAddress().getHostAddress() + ":" + local.getPort() + " -> "
                + remote.getAddress().getHostAddress() + ":" + remote.getPort() + (isOpen() ? "" : " (closed)");
    }
}
