package org.cusax.sandbox.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.cusax.core.account.Transport;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.testing.StatusRecorder;
import org.cusax.sip.JainSipTelephonyPort;
import org.cusax.testbed.sip.SipResponse;
import org.cusax.testbed.sip.SipUdpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sandbox registrar with our own client and with the testbed's independent raw UDP client:
 * RFC 3261 §10.3 bindings with expiry and Expires: 0 removal, §22.4 digest with the RFC 8760
 * algorithms (SHA-256 and MD5), over UDP and TLS (RFC 3261 §26.2.1 with the per-run certificate).
 */
class SandboxRegistrarTest {
    private static final Duration SETTLE = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private static SandboxSip sip;

    @BeforeAll
    static void start() throws Exception {
        sip = SandboxSip.start(SandboxSipOptions.defaults("sandbox.test", dir));
    }

    @AfterAll
    static void stop() {
        if (sip != null) {
            sip.stop();
        }
    }

    private static String newUser(String stem) {
        return stem + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest(name = "RFC 8760 {1} digest over {0}: bound while registered, unbound by Expires: 0")
    @CsvSource({"UDP,SHA-256", "UDP,MD5", "TLS,SHA-256", "TLS,MD5", "TCP,SHA-256"})
    void ourClientRegistersAndUnregisters(Transport transport, String algorithm) throws Exception {
        String user = newUser("reg");
        sip.addUser(user, "pw-" + user);
        JainSipTelephonyPort port = SandboxClients.port(sip, user, "pw-" + user, transport, List.of(algorithm));
        StatusRecorder status = new StatusRecorder();
        try {
            port.start(status);
            ConnectionStatus online = status.await(ConnectionState.ONLINE, SETTLE);
            if (transport == Transport.TLS) {
                assertThat(online.security().describe()).containsIgnoringCase("TLS");
            }
            assertThat(sip.contactsOf(user)).singleElement().satisfies(c -> assertThat(c)
                    .startsWith("sip:" + user + "@127.0.0.1:").contains("transport=" + transport.lowerName()));
        } finally {
            port.stop();
        }
        assertThat(sip.contactsOf(user)).isEmpty();
    }

    @Test
    @DisplayName("RFC 3261 §22.4: a wrong password ends in a permanent authentication failure")
    void wrongPasswordFails() throws Exception {
        String user = newUser("wrong");
        sip.addUser(user, "right-password");
        JainSipTelephonyPort port = SandboxClients.port(sip, user, "wrong-password", Transport.UDP,
                List.of("SHA-256", "MD5"));
        StatusRecorder status = new StatusRecorder();
        try {
            port.start(status);
            ConnectionStatus failed = status.await(ConnectionState.FAILED, SETTLE);
            assertThat(failed.reason()).hasValueSatisfying(r -> assertThat(r.kind())
                    .isEqualTo(FailureReason.Kind.AUTHENTICATION));
        } finally {
            port.stop();
        }
        assertThat(sip.contactsOf(user)).isEmpty();
    }

    @Test
    @DisplayName("RFC 3261 §10.3 with an independent client: 403 on a wrong password, 200 listing the binding, "
            + "Expires: 0 removes it, an unknown user gets 403")
    void rawClientRegistration() {
        String user = newUser("raw");
        sip.addUser(user, "secret-" + user);
        try (SipUdpClient client = new SipUdpClient("127.0.0.1", sip.udpPort())) {
            String contact = "sip:" + user + "@127.0.0.1:" + client.localPort();
            SipResponse wrong = client.register(sip.domain(), user, "not-it", contact, 120);
            assertThat(wrong.status()).isEqualTo(403);
            assertThat(sip.contactsOf(user)).isEmpty();

            SipResponse ok = client.register(sip.domain(), user, "secret-" + user, contact, 120);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.headers("Contact")).singleElement().satisfies(c -> assertThat(c).contains(contact)
                    .containsPattern("expires=1[12][0-9]"));
            assertThat(sip.contactsOf(user)).containsExactly(contact);

            SipResponse removed = client.register(sip.domain(), user, "secret-" + user, contact, 0);
            assertThat(removed.status()).isEqualTo(200);
            assertThat(removed.headers("Contact")).isEmpty();
            assertThat(sip.contactsOf(user)).isEmpty();

            SipResponse unknown = client.register(sip.domain(), "nobody-" + user, "x", contact, 120);
            assertThat(unknown.status()).isEqualTo(403);
        }
    }

    @Test
    @DisplayName("RFC 3261 §10.3 step 7: an expiry below the minimum is refused with 423 and Min-Expires")
    void tooBriefIsRefused() {
        String user = newUser("brief");
        sip.addUser(user, "pw");
        try (SipUdpClient client = new SipUdpClient("127.0.0.1", sip.udpPort())) {
            SipResponse r = client.register(sip.domain(), user, "pw", "sip:" + user + "@127.0.0.1:5999", 5);
            assertThat(r.status()).isEqualTo(423);
            assertThat(r.header("Min-Expires")).isEqualTo(String.valueOf(Registrar.MIN_EXPIRES));
        }
    }

    @Test
    @DisplayName("RFC 3261 §11: OPTIONS to the proxy itself is answered 200 with Allow")
    void optionsToTheProxy() {
        try (SipUdpClient client = new SipUdpClient("127.0.0.1", sip.udpPort())) {
            SipResponse r = client.options("sip:" + sip.domain(), "sip:probe@elsewhere.test");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Allow")).contains("INVITE").contains("REGISTER");
        }
    }
}
