package org.cusax.it.support;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestUser;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/** A plain Smack connection acting as another user's XMPP client, for probing what we advertise. */
public final class XmppPeer {
    private XmppPeer() {
    }

    public static XMPPTCPConnection connect(Testbed tb, TestUser user, String resource) throws Exception {
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(tb.domain())
                .setHost(tb.prosody().host())
                .setPort(tb.prosody().c2sPort())
                .setUsernameAndPassword(user.name(), user.password())
                .setResource(resource)
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(trustManager(tb))
                .build();
        XMPPTCPConnection connection = new XMPPTCPConnection(config);
        connection.connect().login();
        return connection;
    }

    private static X509TrustManager trustManager(Testbed tb) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(tb.ca().trustStore());
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager for the test CA");
    }
}
