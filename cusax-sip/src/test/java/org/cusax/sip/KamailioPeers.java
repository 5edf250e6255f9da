package org.cusax.sip;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.account.Protocol;
import org.cusax.core.account.Secret;
import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.ServerEndpoint;
import org.cusax.core.account.Transport;
import org.cusax.core.config.SipSettings;
import org.cusax.core.connection.Backoff;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.kamailio.KamailioServer;

/** Test helper: our SIP ports registered at the testbed's Kamailio, and waiting on counters (never on time). */
final class KamailioPeers {
    static final Duration SETTLE = Duration.ofSeconds(20);
    static final Duration WAIT = Duration.ofSeconds(15);

    private KamailioPeers() {
    }

    static SipSettings settings() {
        return new SipSettings("", "cusax-test/1", "127.0.0.1", 0, Duration.ofSeconds(600),
                Duration.ofSeconds(5), 65536, List.of("SHA-256", "MD5"), Duration.ofSeconds(8), true);
    }

    static JainSipTelephonyPort port(Testbed tb, TestUser user, Transport transport, SipSettings settings) {
        return new JainSipTelephonyPort(account(tb, user, transport), settings,
                new Backoff(Duration.ofMillis(300), Duration.ofSeconds(2), 2.0, 0.5), Optional.of(user.jid()));
    }

    static Account account(Testbed tb, TestUser user, Transport transport) {
        KamailioServer k = tb.kamailio();
        int serverPort = switch (transport) {
            case UDP -> k.udpPort();
            case TCP -> k.tcpPort();
            case TLS -> k.tlsPort();
        };
        SecuritySettings security = new SecuritySettings(Optional.of(tb.caCertificate()), Optional.empty(), "TLSv1.2",
                transport == Transport.TLS);
        return new Account(Protocol.SIP, user.sipAor(), user.name(), Secret.of(user.password()), tb.domain(),
                new ServerEndpoint(k.host(), serverPort, transport), security, Features.telephonyDefaults());
    }

    /** Waits until {@code counter} has grown by at least {@code by} (e.g. 50 packets = one second of audio). */
    static long awaitGrowth(String what, LongSupplier counter, long by) throws InterruptedException {
        long start = counter.getAsLong();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (counter.getAsLong() < start + by) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not grow by " + by + " within " + WAIT + " (from " + start
                        + " to " + counter.getAsLong() + ")");
            }
            Thread.sleep(20);
        }
        return counter.getAsLong();
    }
}
