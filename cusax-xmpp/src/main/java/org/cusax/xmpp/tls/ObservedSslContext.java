package org.cusax.xmpp.tls;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
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
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A client {@link SSLContext} that always trusts exactly our trust manager and whose socket factory is
 * an {@link ObservedSslSocketFactory}. Handed to Smack as its custom SSL context.
 *
 * <p>Smack 4.4.8 calls {@code init()} on the custom context it is given, passing its own trust managers
 * (the JDK default when none is configured), which would silently replace the configured trust store.
 * This context therefore ignores the trust managers passed to {@code init()} and keeps its own.
 */
final class ObservedSslContext extends SSLContext {
    ObservedSslContext(X509ExtendedTrustManager trust, TlsSessionObserver observer, List<String> protocols)
            throws NoSuchAlgorithmException, KeyManagementException {
        this(new Spi(trust, observer, protocols));
    }

    private ObservedSslContext(Spi spi) {
        super(spi, spi.delegate.getProvider(), spi.delegate.getProtocol());
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext delegate;
        private final TrustManager[] trust;
        private final TlsSessionObserver observer;
        private final List<String> protocols;

        Spi(X509ExtendedTrustManager trust, TlsSessionObserver observer, List<String> protocols)
                throws NoSuchAlgorithmException, KeyManagementException {
            this.delegate = SSLContext.getInstance("TLS");
            this.trust = new TrustManager[] {trust};
            this.observer = observer;
            this.protocols = protocols;
            delegate.init(null, this.trust, null);
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] ignored, SecureRandom sr)
                throws KeyManagementException {
            delegate.init(km, trust, sr);
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new ObservedSslSocketFactory(delegate.getSocketFactory(), observer, protocols);
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw new UnsupportedOperationException("client-only SSL context");
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw new UnsupportedOperationException("this SSL context only makes sockets");
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw new UnsupportedOperationException("this SSL context only makes sockets");
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
            return delegate.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate.getSupportedSSLParameters();
        }
    }
}
