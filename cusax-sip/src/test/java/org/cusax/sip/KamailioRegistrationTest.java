package org.cusax.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.cusax.core.account.Account;
import org.cusax.core.account.Protocol;
import org.cusax.core.account.Transport;
import org.cusax.core.connection.Backoff;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason.Kind;
import org.cusax.core.testing.StatusRecorder;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.kamailio.DigestAlgorithm;
import org.cusax.testbed.kamailio.KamailioServer;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * End to end against a real Kamailio 5.6 on 127.0.0.1 (cusax-testbed): RFC 3261 §10 registration with
 * RFC 8760 SHA-256 and MD5 digest over UDP, TCP and TLS, RFC 5922 §7 certificate checks, RFC 5626
 * §4.4.1 loss detection and re-registration after a server crash, and OPTIONS (§11) routed to us.
 */
class KamailioRegistrationTest {
    private static final Duration SETTLE = Duration.ofSeconds(20);

    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults().withProsody(false)
            .withDigestAlgorithm(DigestAlgorithm.SHA_256));

    private static int users;

    private static synchronized TestUser newUser() {
        return TB.testbed().createUser("sipuser" + ++users);
    }

    private static JainSipTelephonyPort port(TestUser user, String password, Transport transport) {
        Account account = KamailioPeers.account(TB.testbed(), user, password, transport);
        return new JainSipTelephonyPort(account, KamailioPeers.settings(),
                new Backoff(Duration.ofMillis(300), Duration.ofSeconds(2), 2.0, 0.5), Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void registersWithSha256AnswersOptionsAndUnregisters(Transport transport) throws Exception {
        TestUser user = newUser();
        KamailioServer k = TB.testbed().kamailio();
        JainSipTelephonyPort port = port(user, user.password(), transport);
        StatusRecorder status = new StatusRecorder();
        try {
            port.start(status);
            ConnectionStatus online = status.await(ConnectionState.ONLINE, SETTLE);
            assertThat(online.security().authentication()).contains("digest SHA-256");
            assertThat(online.security().encrypted()).isEqualTo(transport == Transport.TLS);
            if (transport == Transport.TLS) {
                assertThat(online.security().verifiedIdentity()).contains("cusax.test");
                assertThat(online.security().tlsProtocol()).hasValueSatisfying(p -> assertThat(p).isIn("TLSv1.2", "TLSv1.3"));
            }
            assertThat(k.registeredContacts(user.name())).singleElement()
                    .satisfies(b -> assertThat(b.contact()).contains("transport=" + transport.lowerName()));
            assertThat(k.probe().options(user.name())).isEqualTo(200);
        } finally {
            port.stop();
        }
        assertThat(k.registeredContacts(user.name())).isEmpty();
        assertThat(status.last().state()).isEqualTo(ConnectionState.OFFLINE);
    }

    @Test
    void twoClientsInOneJvmKeepTheirOwnStacks() throws Exception {
        KamailioServer k = TB.testbed().kamailio();
        TestUser first = newUser();
        TestUser second = newUser();
        JainSipTelephonyPort a = port(first, first.password(), Transport.TLS);
        JainSipTelephonyPort b = port(second, second.password(), Transport.TLS);
        StatusRecorder sa = new StatusRecorder();
        StatusRecorder sb = new StatusRecorder();
        try {
            a.start(sa);
            b.start(sb);
            sa.await(ConnectionState.ONLINE, SETTLE);
            sb.await(ConnectionState.ONLINE, SETTLE);
            a.stop();
            assertThat(k.registeredContacts(first.name())).isEmpty();
            assertThat(k.registeredContacts(second.name())).hasSize(1);
            assertThat(k.probe().options(second.name())).isEqualTo(200);
            assertThat(sb.last().state()).isEqualTo(ConnectionState.ONLINE);
        } finally {
            a.stop();
            b.stop();
        }
    }

    @Test
    void wrongPasswordFailsWithoutRetrying() throws Exception {
        TestUser user = newUser();
        JainSipTelephonyPort port = port(user, user.password() + "x", Transport.TLS);
        StatusRecorder status = new StatusRecorder();
        try {
            port.start(status);
            ConnectionStatus failed = status.await(ConnectionState.FAILED, SETTLE);
            assertThat(failed.reason()).hasValueSatisfying(r -> {
                assertThat(r.kind()).isEqualTo(Kind.AUTHENTICATION);
                assertThat(r.message()).contains(user.sipAor()).doesNotContain(user.password());
            });
            assertThat(status.all()).noneMatch(s -> s.state() == ConnectionState.RECONNECTING);
            assertThat(TB.testbed().kamailio().registeredContacts(user.name())).isEmpty();
        } finally {
            port.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"TLS", "TCP"})
    void reRegistersByItselfAfterKamailioIsKilledAndRestarted(Transport transport) throws Exception {
        TestUser user = newUser();
        KamailioServer k = TB.testbed().kamailio();
        JainSipTelephonyPort port = port(user, user.password(), transport);
        StatusRecorder status = new StatusRecorder();
        try {
            port.start(status);
            status.await(ConnectionState.ONLINE, SETTLE);
            int before = status.count();
            k.kill9();
            status.await(before, s -> s.state() == ConnectionState.RECONNECTING, SETTLE);
            k.start();
            ConnectionStatus again = status.await(before, s -> s.state() == ConnectionState.ONLINE, SETTLE);
            assertThat(again.security().authentication()).contains("digest SHA-256");
            assertThat(status.all().subList(before, status.count()))
                    .filteredOn(s -> s.state() == ConnectionState.RECONNECTING).first()
                    .satisfies(s -> assertThat(s.reason().orElseThrow().kind()).isEqualTo(Kind.CONNECTION_LOST));
            assertThat(k.registeredContacts(user.name())).hasSize(1);
            assertThat(k.probe().options(user.name())).isEqualTo(200);
        } finally {
            port.stop();
            if (!k.isRunning()) {
                k.start();
            }
        }
    }

    @Test
    void registersWithMd5WhenThatIsAllTheServerOffers() throws Exception {
        KamailioServer k = TB.testbed().kamailio();
        TestUser user = newUser();
        JainSipTelephonyPort port = port(user, user.password(), Transport.TCP);
        StatusRecorder status = new StatusRecorder();
        k.setDigestAlgorithm(DigestAlgorithm.MD5);
        try {
            k.restart();
            port.start(status);
            ConnectionStatus online = status.await(ConnectionState.ONLINE, SETTLE);
            assertThat(online.security().authentication()).contains("digest MD5");
        } finally {
            port.stop();
            k.setDigestAlgorithm(DigestAlgorithm.SHA_256);
            k.restart();
        }
    }

    @Test
    void certificateForAnotherHostIsRefusedWithAClearReason() throws Exception {
        KamailioServer k = TB.testbed().kamailio();
        TestUser user = newUser();
        JainSipTelephonyPort port = port(user, user.password(), Transport.TLS);
        StatusRecorder status = new StatusRecorder();
        k.useWrongHostCertificate(true);
        try {
            k.restart();
            port.start(status);
            ConnectionStatus failed = status.await(ConnectionState.FAILED, SETTLE);
            assertThat(failed.reason()).hasValueSatisfying(r -> {
                assertThat(r.kind()).isEqualTo(Kind.CERTIFICATE);
                assertThat(r.message()).isEqualTo(
                        "the SIP server certificate is not valid for cusax.test (it is for wrong.example)");
            });
            assertThat(k.registeredContacts(user.name())).isEmpty();
        } finally {
            port.stop();
            k.useWrongHostCertificate(false);
            k.restart();
        }
    }
}
