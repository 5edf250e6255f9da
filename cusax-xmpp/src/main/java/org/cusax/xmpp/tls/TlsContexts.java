package org.cusax.xmpp.tls;

import java.security.GeneralSecurityException;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.cusax.core.account.SecuritySettings;
import org.cusax.core.tls.TrustStoreException;
import org.cusax.core.tls.TrustStores;

/** Builds the SSL context for one XMPP account: its trust anchors, its TLS versions, our observer. */
public final class TlsContexts {
    private TlsContexts() {
    }

    /**
     * A client SSL context that trusts the configured CAs (whatever Smack passes to its {@code init}),
     * enables only {@code security.enabledTlsVersions()}, checks the server certificate's name during the
     * handshake, and reports its sockets to {@code observer}.
     */
    public static SSLContext forAccount(SecuritySettings security, TlsSessionObserver observer)
            throws TlsSetupException {
        List<String> versions = security.enabledTlsVersions();
        try {
            SSLContext context = new ObservedSslContext(TrustStores.trustManager(security), observer, versions);
            List<String> supported = List.of(context.getSupportedSSLParameters().getProtocols());
            if (versions.stream().noneMatch(supported::contains)) {
                throw new TlsSetupException("this Java runtime supports none of the TLS versions " + versions);
            }
            return context;
        } catch (TrustStoreException e) {
            throw new TlsSetupException(e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("TLS cannot be set up: " + e.getMessage(), e);
        }
    }
}
