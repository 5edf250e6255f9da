package org.cusax.sandbox.peers;

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
import org.cusax.sandbox.sip.SandboxSip;
import org.cusax.sip.JainSipTelephonyPort;

/**
 * Builds the Telephony port of a demo peer: our own {@link JainSipTelephonyPort}, registered to the
 * sandbox over UDP on 127.0.0.1 like any other client (SHA-256 digest preferred).
 */
final class PeerPorts {
    private PeerPorts() {
    }

    static JainSipTelephonyPort create(SandboxSip sip, String user, String password, String displayName) {
        SecuritySettings security = new SecuritySettings(Optional.of(sip.caCertificate()), Optional.empty(), "TLSv1.2",
                false);
        Account account = new Account(Protocol.SIP, "sip:" + user + "@" + sip.domain(), user, Secret.of(password),
                sip.domain(), new ServerEndpoint(sip.host(), sip.udpPort(), Transport.UDP), security,
                Features.telephonyDefaults());
        SipSettings settings = new SipSettings(displayName, "cusax-sandbox-peer/1", sip.host(), 0,
                Duration.ofSeconds(600), Duration.ofSeconds(30), 65536, List.of("SHA-256", "MD5"),
                Duration.ofSeconds(8), false);
        return new JainSipTelephonyPort(account, settings,
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), 2.0, 0.5), Optional.empty());
    }
}
