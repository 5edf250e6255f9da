package org.cusax.sip.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.ServerSocketChannel;
import java.util.Set;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS listener that registers each connection it accepts with its {@link StackSockets}, and, when given
 * {@link RequestRefusals}, screens what arrives on it once decrypted ({@link ScreenedSslConnection}): a view of
 * a bound {@link SSLServerSocket} (which the JDK makes, so it cannot be subclassed), every call passed
 * on to it.
 */
final class AcceptingSslServerSocket extends SSLServerSocket {
    private final StackSockets sockets;
    private final SSLServerSocket bound;
    private final RequestRefusals refusals;
    private final int maxFrame;

    AcceptingSslServerSocket(StackSockets sockets, SSLServerSocket bound, RequestRefusals refusals, int maxFrame)
            throws IOException {
        super(); // unbound and never bound: only the wrapped listener holds a port
        this.sockets = sockets;
        this.bound = bound;
        this.refusals = refusals;
        this.maxFrame = maxFrame;
    }

    @Override
    public SSLSocket accept() throws IOException {
        SSLSocket accepted = (SSLSocket) bound.accept();
        if (refusals == null) {
            return sockets.add(accepted);
        }
        return sockets.add(new ScreenedSslConnection(accepted, refusals, maxFrame));
    }

    @Override
    public void close() throws IOException {
        try {
            bound.close();
        } finally {
            super.close();
        }
    }

    @Override
    public boolean isClosed() {
        return bound.isClosed();
    }

    @Override
    public boolean isBound() {
        return bound.isBound();
    }

    @Override
    public void bind(SocketAddress endpoint) throws IOException {
        bound.bind(endpoint);
    }

    @Override
    public void bind(SocketAddress endpoint, int backlog) throws IOException {
        bound.bind(endpoint, backlog);
    }

    @Override
    public InetAddress getInetAddress() {
        return bound.getInetAddress();
    }

    @Override
    public int getLocalPort() {
        return bound.getLocalPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return bound.getLocalSocketAddress();
    }

    @Override
    public ServerSocketChannel getChannel() {
        return bound.getChannel();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        bound.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws IOException {
        return bound.getSoTimeout();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        bound.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return bound.getReuseAddress();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        bound.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return bound.getReceiveBufferSize();
    }

    @Override
    public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
        bound.setPerformancePreferences(connectionTime, latency, bandwidth);
    }

    @Override
    public <T> ServerSocket setOption(SocketOption<T> name, T value) throws IOException {
        bound.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return bound.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return bound.supportedOptions();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return bound.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        bound.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return bound.getSupportedCipherSuites();
    }

    @Override
    public String[] getSupportedProtocols() {
        return bound.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return bound.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        bound.setEnabledProtocols(protocols);
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        bound.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return bound.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        bound.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return bound.getWantClientAuth();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        bound.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return bound.getUseClientMode();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        bound.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return bound.getEnableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return bound.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        bound.setSSLParameters(params);
    }

    @Override
    public String toString() {
        return "accepting " + bound;
    }
}
