package org.cusax.xmpp.testing;

import org.cusax.core.testing.TestPki;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/** One TLS handshake against a one-shot local server, the way Smack layers TLS: host = XMPP domain. */
public final class TlsHandshakes {
    private TlsHandshakes() {
    }

    /**
     * @param serverCert      cusax.test, wrong.test or untrusted (see {@link TestPki})
     * @param serverProtocols protocols the server allows; none = its defaults
     * @return the client's session after a successful handshake
     */
    public static SSLSession handshake(SSLContext client, String serverCert, String domain, String... serverProtocols)
            throws Exception {
        SSLContext server = TestPki.get().serverContext(serverCert);
        try (SSLServerSocket ss = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            if (serverProtocols.length > 0) {
                ss.setEnabledProtocols(serverProtocols);
            }
            Thread acceptor = new Thread(() -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.startHandshake();
                    s.getInputStream().read();
                } catch (IOException ignored) {
                    // the client refused us or closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), ss.getLocalPort());
                 SSLSocket tls = (SSLSocket) client.getSocketFactory().createSocket(plain, domain, plain.getPort(),
                         true)) {
                tls.startHandshake();
                return tls.getSession();
            } finally {
                acceptor.join(5000);
            }
        }
    }
}
