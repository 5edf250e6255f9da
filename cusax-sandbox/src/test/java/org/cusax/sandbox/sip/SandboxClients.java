package org.cusax.sandbox.sip;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.account.Protocol;
import org.cusax.core.account.Secret;
import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.ServerEndpoint;
import org.cusax.core.account.Transport;
import org.cusax.core.config.SipSettings;
import org.cusax.core.connection.Backoff;
import org.cusax.sip.JainSipTelephonyPort;

/** Test helper: our own SIP client (JainSipTelephonyPort) configured for a sandbox user. */
public final class SandboxClients {
    private SandboxClients() {
    }

    public static JainSipTelephonyPort port(SandboxSip sip, String user, String password, Transport transport,
                                     List<String> digestAlgorithms) {
        int port = switch (transport) {
            case UDP -> sip.udpPort();
            case TCP -> sip.tcpPort();
            case TLS -> sip.tlsPort();
        };
        SecuritySettings security = new SecuritySettings(Optional.of(sip.caCertificate()), Optional.empty(), "TLSv1.2",
                transport == Transport.TLS);
        Account account = new Account(Protocol.SIP, aor(sip, user), user, Secret.of(password), sip.domain(),
                new ServerEndpoint(sip.host(), port, transport), security, Features.telephonyDefaults());
        SipSettings settings = new SipSettings("", "cusax-test/1", "127.0.0.1", 0, Duration.ofSeconds(600),
                Duration.ofSeconds(5), 65536, digestAlgorithms, Duration.ofSeconds(8), false);
        return new JainSipTelephonyPort(account, settings,
                new Backoff(Duration.ofMillis(300), Duration.ofSeconds(2), 2.0, 0.5), Optional.empty());
    }

    public static String aor(SandboxSip sip, String user) {
        return "sip:" + user + "@" + sip.domain();
    }
}
