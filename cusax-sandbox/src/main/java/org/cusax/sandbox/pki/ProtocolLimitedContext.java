package org.cusax.sandbox.pki;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An initialised {@link SSLContext} whose engines enable only the given protocol versions. For servers
 * that create their engines themselves from a context (MINA's {@code SslFilter} under Vysper), where the
 * engine cannot be configured otherwise.
 */
public final class ProtocolLimitedContext {
    private ProtocolLimitedContext() {
    }

    /** A context like {@code delegate} whose engines and parameters enable only {@code protocols}. */
    public static SSLContext of(SSLContext delegate, List<String> protocols) {
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("at least one protocol version is needed");
        }
        String[] enabled = protocols.toArray(String[]::new);
        return new SSLContext(new Spi(delegate, enabled), delegate.getProvider(), delegate.getProtocol()) {
        };
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext delegate;
        private final String[] protocols;

        Spi(SSLContext delegate, String[] protocols) {
            this.delegate = delegate;
            this.protocols = protocols;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("already initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return delegate.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return delegate.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return limited(delegate.createSSLEngine());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return limited(delegate.createSSLEngine(host, port));
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            SSLParameters p = delegate.getDefaultSSLParameters();
            p.setProtocols(protocols);
            return p;
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate.getSupportedSSLParameters();
        }

        private SSLEngine limited(SSLEngine engine) {
            engine.setEnabledProtocols(protocols);
            return engine;
        }
    }
}
