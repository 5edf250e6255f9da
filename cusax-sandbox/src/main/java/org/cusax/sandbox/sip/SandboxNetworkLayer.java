package org.cusax.sandbox.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;

import org.cusax.sip.net.StackSockets;

/**
 * The sockets of the sandbox proxy's JAIN-SIP stack: the TLS listener presents the per-run
 * certificate (its own {@link SSLContext}, no JVM-wide {@code javax.net.ssl.*} properties). The proxy
 * never opens TLS connections: it reaches a TLS client over the connection that client opened
 * (the stack caches accepted connections), so an outgoing TLS socket is refused rather than opened
 * without a verified peer. Instantiated by name by JAIN-SIP; {@link #configure} runs before the
 * first listener is made. Every socket, accepted connections included, is registered with the stack's
 * {@link StackSockets}, which closes what the stack's stop left open.
 */
public final class SandboxNetworkLayer implements NetworkLayer {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private volatile SSLContext tls;
    private volatile String[] protocols;
    private volatile StackSockets sockets = new StackSockets("(unnamed)");

    public SandboxNetworkLayer() {
        // created reflectively by JAIN-SIP
    }

    void configure(SSLContext context, String[] tlsProtocols) {
        this.tls = context;
        this.protocols = tlsProtocols.clone();
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
        return sockets.listen(port, backlog, bindAddress);
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        SSLContext ctx = tls;
        if (ctx == null) {
            throw new IOException("TLS is not configured for the sandbox proxy");
        }
        sockets.refuseIfStopped();
        SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(port, backlog,
                bindAddress);
        s.setEnabledProtocols(protocols);
        s.setNeedClientAuth(false);
        return sockets.listen(s);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return createSocket(address, port, null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        sockets.refuseIfStopped();
        Socket s = new Socket();
        try {
            if (myAddress != null) {
                s.bind(new InetSocketAddress(myAddress, 0));
            }
            s.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return sockets.add(s);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return createSocket(address, port, myAddress);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        throw new IOException("no TLS connection from " + address.getHostAddress() + ":" + port
                + " to reuse; the sandbox proxy does not open TLS connections");
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return createSSLSocket(address, port);
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        sockets.refuseIfStopped();
        return sockets.add(new DatagramSocket());
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress bindAddress) throws SocketException {
        sockets.refuseIfStopped();
        return sockets.add(new DatagramSocket(port, bindAddress));
    }
}
