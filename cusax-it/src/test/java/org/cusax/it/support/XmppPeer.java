package org.cusax.it.support;

import java.security.KeyStore;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import java.security.KeyStore;

import org.cusax.it.support.profile.ServiceProfile;
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
        return connect(tb.domain(), tb.prosody().host(), tb.prosody().c2sPort(), tb.ca().trustStore(), user,
                resource);
    }

    /** Logs {@code user} in to the profile's XMPP server (the sandbox may replace {@code resource}). */
    public static XMPPTCPConnection connect(ServiceProfile service, TestUser user, String resource) throws Exception {
        return connect(service.domain(), service.xmppHost(), service.xmppPort(), service.xmppTrustStore(), user,
                resource);
    }

    /** Same, for a server known only by its address and the key store holding the CA it is trusted by. */
    public static XMPPTCPConnection connect(String domain, String host, int port, KeyStore trust, TestUser user,
                                             String resource) throws Exception {
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(domain)
                .setHost(host)
                .setPort(port)
                .setUsernameAndPassword(user.name(), user.password())
                .setResource(resource)
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(trustManager(trust))
                .build();
        XMPPTCPConnection connection = new XMPPTCPConnection(config);
        connection.connect().login();
        return connection;
    }

    private static X509TrustManager trustManager(KeyStore trust) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager for the test CA");
    }
}
