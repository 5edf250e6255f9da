package org.cusax.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

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
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason.Kind;
import org.cusax.core.testing.ManualScheduler;
import org.cusax.core.testing.StatusRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registration behaviour against a scripted registrar over UDP: RFC 3261 §10.2 (REGISTER, refresh,
 * removal), §22 (401/407), RFC 8760 §2.4 (several challenges), RFC 7616 §3.3 (stale nonces),
 * §21.4.17 (423), and which failures are retried.
 */
class JainSipTelephonyPortTest {
    private static final String PASSWORD = "correct horse";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SHA_CHALLENGE = "WWW-Authenticate: Digest realm=\"cusax.test\", nonce=\"n-sha\", "
            + "opaque=\"op1\", algorithm=SHA-256, qop=\"auth\"";
    private static final String MD5_CHALLENGE = "WWW-Authenticate: Digest realm=\"cusax.test\", nonce=\"n-md5\", "
            + "algorithm=MD5, qop=\"auth\"";

    private FakeRegistrar registrar;
    private JainSipTelephonyPort port;
    private final StatusRecorder status = new StatusRecorder();

    @AfterEach
    void cleanUp() {
        if (port != null) {
            port.stop();
        }
        if (registrar != null) {
            registrar.close();
        }
    }

    private void start(FakeRegistrar.Script script, List<String> algorithms) throws Exception {
        start(script, algorithms, null);
    }

    /** {@code scheduler}: the port's own scheduler, {@code null} for a thread of its own. */
    private void start(FakeRegistrar.Script script, List<String> algorithms, ManualScheduler scheduler)
            throws Exception {
        registrar = new FakeRegistrar(script);
        Account account = new Account(Protocol.SIP, "sip:alice@cusax.test", "alice", Secret.of(PASSWORD), "cusax.test",
                new ServerEndpoint("127.0.0.1", registrar.port(), Transport.UDP),
                new SecuritySettings(Optional.empty(), Optional.empty(), "TLSv1.2", false), Features.telephonyDefaults());
        SipSettings settings = new SipSettings("Alice", "cusax-test/1", "127.0.0.1", 0, Duration.ofSeconds(600),
                Duration.ofSeconds(30), 65536, algorithms, Duration.ofSeconds(2), true);
        port = new JainSipTelephonyPort(account, settings, new Backoff(Duration.ofMillis(100), Duration.ofMillis(400),
                2.0, 0.0), Optional.empty(), scheduler);
        port.start(status);
    }

    /** Challenges requests without credentials, accepts correct ones for {@code seconds}. */
    private static FakeRegistrar.Script challengeThenAccept(int seconds, String... challenges) {
        return (reg, req, i) -> FakeRegistrar.validDigest(req, AuthorizationHeader.NAME, "alice", PASSWORD)
                ? reg.ok(req, seconds) : reg.respond(req, 401, challenges);
    }

    private static boolean unregister(Request r) {
        return ((ExpiresHeader) r.getHeader(ExpiresHeader.NAME)).getExpires() == 0;
    }

    @Test
    void answersTheSha256ChallengeWhenOfferedSeveral() throws Exception {
        start(challengeThenAccept(600, MD5_CHALLENGE, SHA_CHALLENGE), List.of("SHA-256", "MD5"));
        ConnectionStatus online = status.await(ConnectionState.ONLINE, WAIT);
        assertThat(online.security().describe()).isEqualTo("unencrypted, digest SHA-256");
        List<Request> seen = registrar.received();
        assertThat(seen).hasSize(2);
        Request first = seen.get(0);
        assertThat(first.getRequestURI().toString()).isEqualTo("sip:cusax.test");
        assertThat(first.getHeader(AuthorizationHeader.NAME)).isNull();
        assertThat(((ViaHeader) first.getHeader(ViaHeader.NAME)).getRPort()).isNotNull();
        assertThat(first.getHeader("User-Agent").toString()).contains("cusax-test/1");
        assertThat(first.getHeader(ContactHeader.NAME).toString()).contains(";transport=udp");
        AuthorizationHeader auth = (AuthorizationHeader) seen.get(1).getHeader(AuthorizationHeader.NAME);
        assertThat(auth.getAlgorithm()).isEqualTo("SHA-256");
        assertThat(auth.getNonce()).isEqualTo("n-sha");
        assertThat(auth.getOpaque()).isEqualTo("op1");
        assertThat(auth.getQop()).isEqualTo("auth");
        assertThat(auth.getCNonce()).isNotBlank();
        assertThat(seen.get(1).getHeader("Call-ID")).isEqualTo(first.getHeader("Call-ID"));
        assertThat(seen.get(1).getHeader("CSeq").toString()).contains("2 REGISTER");
    }

    @Test
    void wrongPasswordFailsAfterOneAnsweredChallenge() throws Exception {
        ManualScheduler scheduler = new ManualScheduler();
        start((reg, req, i) -> reg.respond(req, 401, SHA_CHALLENGE), List.of("SHA-256", "MD5"), scheduler);
        assertThat(scheduler.runUntil(() -> status.all().stream().anyMatch(s -> s.state() == ConnectionState.FAILED),
                WAIT)).as(status.describe()).isTrue();
        ConnectionStatus failed = status.await(ConnectionState.FAILED, WAIT);
        assertThat(failed.reason().orElseThrow().kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(failed.reason().orElseThrow().message()).doesNotContain(PASSWORD);
        // no retry is pending, and none comes however long we wait (virtual time, far past the 400 ms backoff)
        assertThat(scheduler.pendingDelays()).as("timers left after the failure").isEmpty();
        scheduler.advance(Duration.ofMinutes(10));
        assertThat(scheduler.pendingDelays()).isEmpty();
        assertThat(registrar.received()).hasSize(2);
        assertThat(status.all()).noneMatch(s -> s.state() == ConnectionState.RECONNECTING);
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(port::stop); // its work runs when pumped
        assertThat(scheduler.runUntil(stopped::isDone, WAIT)).as("the port stopped").isTrue();
        port = null;
    }

    @Test
    void forbiddenFailsAtOnce() throws Exception {
        start((reg, req, i) -> reg.respond(req, 403), List.of("SHA-256", "MD5"));
        assertThat(status.await(ConnectionState.FAILED, WAIT).reason().orElseThrow().kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(registrar.received()).hasSize(1);
    }

    @Test
    void staleNonceIsAnsweredAgainWithoutFailing() throws Exception {
        start((reg, req, i) -> switch (i) {
            case 0 -> reg.respond(req, 401, SHA_CHALLENGE);
            case 1 -> reg.respond(req, 401, "WWW-Authenticate: Digest realm=\"cusax.test\", nonce=\"n-fresh\", "
                    + "algorithm=SHA-256, qop=\"auth\", stale=true");
            default -> FakeRegistrar.validDigest(req, AuthorizationHeader.NAME, "alice", PASSWORD)
                    ? reg.ok(req, 600) : reg.respond(req, 400);
        }, List.of("SHA-256", "MD5"));
        status.await(ConnectionState.ONLINE, WAIT);
        assertThat(registrar.received()).hasSize(3);
        assertThat(((AuthorizationHeader) registrar.received().get(2).getHeader(AuthorizationHeader.NAME)).getNonce())
                .isEqualTo("n-fresh");
        assertThat(status.all()).noneMatch(s -> s.state() == ConnectionState.FAILED);
    }

    @Test
    void proxyChallengeIsAnsweredWithProxyAuthorization() throws Exception {
        start((reg, req, i) -> FakeRegistrar.validDigest(req, ProxyAuthorizationHeader.NAME, "alice", PASSWORD)
                ? reg.ok(req, 600)
                : reg.respond(req, 407, "Proxy-Authenticate: Digest realm=\"cusax.test\", nonce=\"p1\", algorithm=MD5"),
                List.of("SHA-256", "MD5"));
        assertThat(status.await(ConnectionState.ONLINE, WAIT).security().authentication()).contains("digest MD5");
    }

    @Test
    void onlyUnacceptableAlgorithmsIsAConfigurationFailure() throws Exception {
        start((reg, req, i) -> reg.respond(req, 401, MD5_CHALLENGE), List.of("SHA-256"));
        ConnectionStatus failed = status.await(ConnectionState.FAILED, WAIT);
        assertThat(failed.reason().orElseThrow().kind()).isEqualTo(Kind.CONFIGURATION);
        assertThat(failed.reason().orElseThrow().message()).contains("MD5").contains("SHA-256");
        assertThat(registrar.received()).hasSize(1);
    }

    @Test
    void serverErrorIsRetriedWithBackoff() throws Exception {
        start((reg, req, i) -> i == 0 ? reg.respond(req, 503) : challengeThenAccept(600, SHA_CHALLENGE).answer(reg, req, i),
                List.of("SHA-256", "MD5"));
        ConnectionStatus retrying = status.await(ConnectionState.RECONNECTING, WAIT);
        assertThat(retrying.reason().orElseThrow().kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(retrying.attempt()).isEqualTo(1);
        assertThat(retrying.retryIn()).contains(Duration.ofMillis(100));
        status.await(ConnectionState.ONLINE, WAIT);
    }

    @Test
    void silentServerIsATimeoutThenRecovers() throws Exception {
        start((reg, req, i) -> null, List.of("SHA-256", "MD5"));
        ConnectionStatus retrying = status.await(ConnectionState.RECONNECTING, WAIT);
        assertThat(retrying.reason().orElseThrow().kind()).isEqualTo(Kind.TIMEOUT);
        registrar.script(challengeThenAccept(600, SHA_CHALLENGE));
        status.await(ConnectionState.ONLINE, WAIT);
    }

    @Test
    void intervalTooBriefIsRetriedWithMinExpires() throws Exception {
        start((reg, req, i) -> ((ExpiresHeader) req.getHeader(ExpiresHeader.NAME)).getExpires() < 1200
                ? reg.respond(req, 423, "Min-Expires: 1200")
                : challengeThenAccept(1200, SHA_CHALLENGE).answer(reg, req, i), List.of("SHA-256", "MD5"));
        status.await(ConnectionState.ONLINE, WAIT);
        assertThat(((ExpiresHeader) registrar.received().get(1).getHeader(ExpiresHeader.NAME)).getExpires()).isEqualTo(1200);
    }

    @Test
    void refreshesBeforeTheGrantedExpiryWithoutANewChallenge() throws Exception {
        start(challengeThenAccept(4, SHA_CHALLENGE), List.of("SHA-256", "MD5"));
        status.await(ConnectionState.ONLINE, WAIT);
        org.cusax.core.testing.Eventually.holds(() -> registrar.received().size() >= 3, WAIT);
        List<Request> seen = registrar.received();
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
        AuthorizationHeader refresh = (AuthorizationHeader) seen.get(2).getHeader(AuthorizationHeader.NAME);
        assertThat(refresh).as("refresh carries credentials at once").isNotNull();
        assertThat(refresh.getNonceCount()).isEqualTo(2);
        assertThat(status.all()).filteredOn(s -> s.state() == ConnectionState.ONLINE).hasSize(1);
    }

    @Test
    void stopRemovesTheBindingAndIsIdempotent() throws Exception {
        start(challengeThenAccept(600, SHA_CHALLENGE), List.of("SHA-256", "MD5"));
        status.await(ConnectionState.ONLINE, WAIT);
        String contact = registrar.received().get(1).getHeader(ContactHeader.NAME).toString();
        port.stop();
        port.stop();
        List<Request> removals = registrar.received().stream().filter(JainSipTelephonyPortTest::unregister).toList();
        assertThat(removals).hasSize(1);
        assertThat(removals.get(0).getHeader(ContactHeader.NAME).toString()).isEqualTo(contact);
        assertThat(FakeRegistrar.validDigest(removals.get(0), AuthorizationHeader.NAME, "alice", PASSWORD)).isTrue();
        assertThat(status.last().state()).isEqualTo(ConnectionState.OFFLINE);
    }

    @Test
    void serverDownAtStartIsRetriedUntilItAnswers() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Account account = new Account(Protocol.SIP, "sip:alice@cusax.test", "alice", Secret.of(PASSWORD), "cusax.test",
                new ServerEndpoint("127.0.0.1", closedPort, Transport.TCP),
                new SecuritySettings(Optional.empty(), Optional.empty(), "TLSv1.2", false), Features.telephonyDefaults());
        SipSettings settings = new SipSettings("", "cusax-test/1", "127.0.0.1", 0, Duration.ofSeconds(600),
                Duration.ofSeconds(30), 65536, List.of("SHA-256"), Duration.ofSeconds(2), true);
        port = new JainSipTelephonyPort(account, settings, new Backoff(Duration.ofMillis(50), Duration.ofMillis(100),
                2.0, 0.0), Optional.empty());
        port.start(status);
        ConnectionStatus third = status.await(0, s -> s.state() == ConnectionState.RECONNECTING && s.attempt() == 3, WAIT);
        assertThat(third.reason().orElseThrow().kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(third.reason().orElseThrow().message()).contains("127.0.0.1:" + closedPort);
        assertThat(status.all()).noneMatch(s -> s.state() == ConnectionState.FAILED);
    }

    @Test
    void tlsRequiredButUdpConfiguredIsRefused() throws Exception {
        registrar = new FakeRegistrar((reg, req, i) -> reg.ok(req, 600));
        Account account = new Account(Protocol.SIP, "sip:alice@cusax.test", "alice", Secret.of(PASSWORD), "cusax.test",
                new ServerEndpoint("127.0.0.1", registrar.port(), Transport.UDP), SecuritySettings.defaults(),
                Features.telephonyDefaults());
        port = new JainSipTelephonyPort(account, SipSettings.defaults(), Backoff.defaults(), Optional.empty());
        port.start(status);
        assertThat(status.await(ConnectionState.FAILED, WAIT).reason().orElseThrow().message()).contains("TLS is required");
        assertThat(registrar.received()).isEmpty();
    }
}
