package org.cusax.xmpp.connection;

import java.net.InetAddress;
import java.net.UnknownHostException;

import javax.net.ssl.SSLContext;

import org.cusax.core.account.Account;
import org.cusax.core.config.XmppSettings;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.java7.XmppHostnameVerifier;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.minidns.util.InetAddressUtil;

/**
 * Turns an XMPP account and its settings into Smack's per-connection configuration. Everything that is
 * security-relevant is set explicitly here rather than left to Smack's global defaults.
 */
public final class ConnectionConfigFactory {
    private ConnectionConfigFactory() {
    }

    /**
     * @param tls the SSL context from {@code TlsContexts.forAccount}
     * @throws IllegalArgumentException if the domain, user name, resource or host is not valid
     */
    public static XMPPTCPConnectionConfiguration build(Account account, XmppSettings settings, SSLContext tls) {
        boolean requireTls = account.security().requireTls();
        XMPPTCPConnectionConfiguration.Builder b = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(domain(account.domain()))
                .setUsernameAndPassword(account.authUser(), account.password().reveal())
                .setResource(resource(settings.resource()))
                .setPort(account.server().port())
                // RFC 6120 §5.3.1: STARTTLS is mandatory unless the account explicitly allows plaintext.
                .setSecurityMode(requireTls ? SecurityMode.required : SecurityMode.ifpossible)
                .setSslContextFactory(() -> tls)
                .setEnabledSSLProtocols(account.security().enabledTlsVersions().toArray(String[]::new))
                // Smack's default verifier comes from smack-java8's initializer and is a global; set it
                // per connection so that verification does not depend on class-path initialisation.
                .setHostnameVerifier(new XmppHostnameVerifier())
                .setSocketFactory(new TcpNoDelaySocketFactory())
                .setConnectTimeout(millis(settings.connectTimeout().toMillis()))
                .setSendPresence(false)
                .setCompressionEnabled(false)
                .setDebuggerFactory(null);
        b.addEnabledSaslMechanism(SaslPolicy.mechanisms(settings.allowPlainSasl(), requireTls));
        String host = account.server().host();
        if (InetAddressUtil.isIpAddress(host)) {
            b.setHostAddress(literal(host));
        } else {
            b.setHost(host);
        }
        return b.build();
    }

    private static DomainBareJid domain(String domain) {
        try {
            return JidCreate.domainBareFrom(domain);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("'" + domain + "' is not a valid XMPP domain", e);
        }
    }

    private static Resourcepart resource(String resource) {
        try {
            return Resourcepart.from(resource);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("'" + resource + "' is not a valid XMPP resource", e);
        }
    }

    private static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip); // an IP literal: no name lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + ip + "' is not a valid IP address", e);
        }
    }

    private static int millis(long millis) {
        return (int) Math.min(Integer.MAX_VALUE, millis);
    }
}
