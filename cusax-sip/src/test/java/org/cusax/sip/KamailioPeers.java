package org.cusax.sip;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.testing.CallRecorder;
import org.cusax.sip.testing.CallPair;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.kamailio.KamailioServer;

/** Test helper: our SIP ports registered at the testbed's Kamailio, and waiting on counters (never on time). */
final class KamailioPeers {
    static final Duration SETTLE = CallPair.SETTLE;
    static final Duration WAIT = CallPair.WAIT;
    private static final AtomicInteger USERS = new AtomicInteger();

    private KamailioPeers() {
    }

    /** A new user on the testbed's Kamailio, named {@code stem} and a number unique in this JVM. */
    static TestUser newUser(Testbed tb, String stem) {
        return tb.createUser(stem + USERS.incrementAndGet());
    }

    /** Alice and Bob, new users with {@code transport} and {@link #settings()}, registered. */
    static CallPair pair(Testbed tb, Transport transport) throws InterruptedException {
        return pair(tb, transport, settings(), settings());
    }

    /** Alice and Bob, new users on {@code transport} with their own settings, registered. */
    static CallPair pair(Testbed tb, Transport transport, SipSettings alice, SipSettings bob)
            throws InterruptedException {
        TestUser bobUser = newUser(tb, "bob");
        return CallPair.start(port(tb, newUser(tb, "alice"), transport, alice), port(tb, bobUser, transport, bob),
                bobUser.sipAor());
    }

    /** Starts {@code port} (already held by the caller, who stops it) and waits until it is registered. */
    static JainSipTelephonyPort online(JainSipTelephonyPort port, CallRecorder sees) throws InterruptedException {
        port.start(sees);
        sees.status.await(ConnectionState.ONLINE, SETTLE);
        return port;
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
        return account(tb, user, user.password(), transport);
    }

    /** The account of {@code user} on the testbed's Kamailio, with {@code password} (right or wrong). */
    static Account account(Testbed tb, TestUser user, String password, Transport transport) {
        KamailioServer k = tb.kamailio();
        int serverPort = switch (transport) {
            case UDP -> k.udpPort();
            case TCP -> k.tcpPort();
            case TLS -> k.tlsPort();
        };
        SecuritySettings security = new SecuritySettings(Optional.of(tb.caCertificate()), Optional.empty(), "TLSv1.2",
                transport == Transport.TLS);
        return new Account(Protocol.SIP, user.sipAor(), user.name(), Secret.of(password), tb.domain(),
                new ServerEndpoint(k.host(), serverPort, transport), security, Features.telephonyDefaults());
    }

    /** Waits until {@code counter} has grown by at least {@code by} (e.g. 50 packets = one second of audio). */
    static long awaitGrowth(String what, LongSupplier counter, long by) throws InterruptedException {
        long start = counter.getAsLong();
        if (!org.cusax.core.testing.Eventually.holds(() -> counter.getAsLong() >= start + by, WAIT)) {
            throw new AssertionError(what + " did not grow by " + by + " within " + WAIT + " (from " + start
                    + " to " + counter.getAsLong() + ")");
        }
        return counter.getAsLong();
    }
}
