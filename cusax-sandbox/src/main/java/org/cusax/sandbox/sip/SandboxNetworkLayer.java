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

/**
 * The sockets of the sandbox proxy's JAIN-SIP stack: the TLS listener presents the per-run
 * certificate (its own {@link SSLContext}, no JVM-wide {@code javax.net.ssl.*} properties). The proxy
 * never opens TLS connections: it reaches a TLS client over the connection that client opened
 * (the stack caches accepted connections), so an outgoing TLS socket is refused rather than opened
 * without a verified peer. Instantiated by name by JAIN-SIP; {@link #configure} runs before the
 * first listener is made.
 */
public final class SandboxNetworkLayer implements NetworkLayer {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private volatile SSLContext tls;
    private volatile String[] protocols;

    public SandboxNetworkLayer() {
        // created reflectively by JAIN-SIP
    }

    void configure(SSLContext context, String[] tlsProtocols) {
        this.tls = context;
        this.protocols = tlsProtocols.clone();
    }

    @Override
    public void setSipStack(SipStackImpl sipStack) {
        // configured through configure()
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return new ServerSocket(port, backlog, bindAddress);
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        SSLContext ctx = tls;
        if (ctx == null) {
            throw new IOException("TLS is not configured for the sandbox proxy");
        }
        SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(port, backlog,
                bindAddress);
        s.setEnabledProtocols(protocols);
        s.setNeedClientAuth(false);
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return createSocket(address, port, null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        Socket s = new Socket();
        if (myAddress != null) {
            s.bind(new InetSocketAddress(myAddress, 0));
        }
        s.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
        return s;
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
        return new DatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress bindAddress) throws SocketException {
        return new DatagramSocket(port, bindAddress);
    }
}
