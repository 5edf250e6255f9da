package org.cusax.xmpp.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Wraps the JDK's TLS socket factory so that every client socket it makes (i) checks the server
 * certificate against the host name given to {@code createSocket} during the handshake (endpoint
 * identification, RFC 6125 DNS-ID rules as for HTTPS), (ii) enables only the configured protocol
 * versions, and (iii) is remembered by the {@link TlsSessionObserver}.
 *
 * <p>Smack's STARTTLS layering passes the XMPP service domain as the host name, so the certificate is
 * checked against the domain even when the connection goes to an IP address (RFC 6120 §13.7.2.1).
 */
final class ObservedSslSocketFactory extends SSLSocketFactory {
    static final String ENDPOINT_IDENTIFICATION = "HTTPS";

    private final SSLSocketFactory delegate;
    private final TlsSessionObserver observer;
    private final String[] protocols;

    ObservedSslSocketFactory(SSLSocketFactory delegate, TlsSessionObserver observer, List<String> protocols) {
        this.delegate = delegate;
        this.observer = observer;
        this.protocols = protocols.toArray(String[]::new);
    }

    private Socket configure(Socket socket) {
        if (socket instanceof SSLSocket ssl) {
            SSLParameters params = ssl.getSSLParameters();
            params.setEndpointIdentificationAlgorithm(ENDPOINT_IDENTIFICATION);
            params.setProtocols(protocols);
            ssl.setSSLParameters(params);
            observer.socketCreated(ssl);
        }
        return socket;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return configure(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
        return configure(delegate.createSocket(s, consumed, autoClose));
    }

    @Override
    public Socket createSocket() throws IOException {
        return configure(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return configure(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return configure(delegate.createSocket(address, port, localAddress, localPort));
    }
}
