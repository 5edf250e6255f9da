package org.cusax.it.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.cusax.core.client.ServiceStatus;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.security.GuardVerdict;
import org.cusax.core.service.Half;
import org.cusax.it.support.RunningClient;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.prosody.ProsodyServer;
import org.cusax.testbed.sip.SipTransport;
import org.cusax.testbed.xmpp.XmppProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The "XMPP without TLS" row of the RFC 7081 §7 guard matrix ({@link SecurityProfileIT} has the rows with
 * STARTTLS): real Prosody configured to offer no STARTTLS and not to require encryption (RFC 6120 §5.3.1: a
 * client that requires TLS must not go on). Under every {@code security.profile} the Chat half refuses with
 * the reason ({@code tls-unavailable}, not retried) and sends no credentials in the clear; Telephony, whose
 * partner never comes up, is not held down (docs/architecture.md: halves are compared only when both are
 * online): online on TLS, TCP and UDP, verdict {@code ONE_HALF} ({@code NOT_COMPARED} under off).
 */
class XmppWithoutTlsIT {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults());

    private static final List<String> ROWS = new ArrayList<>();
    private static int users;

    @BeforeAll
    static void prosodyWithoutTls() throws Exception {
        ProsodyServer prosody = TB.testbed().prosody();
        prosody.offerStartTls(false);
        prosody.restart();
        XmppProbe.Result seen = new XmppProbe(ProsodyServer.HOST, prosody.c2sPort(), prosody.domain(),
                SSLContext.getDefault()).probe();
        assertThat(seen.featuresBeforeTls()).as("Prosody's stream features").doesNotContain("starttls");
        assertThat(seen.tlsProtocol()).isNull();
    }

    @AfterAll
    static void printRow() {
        System.out.println("RFC 7081 §7 guard matrix, XMPP WITHOUT TLS (real Prosody offering no STARTTLS, real Kamailio):");
        System.out.printf("%-8s %-4s | %-16s | %-10s | %s%n", "profile", "SIP", "halves", "Telephony", "Chat");
        ROWS.forEach(System.out::println);
    }

    @ParameterizedTest(name = "XMPP without TLS + SIP over {0}, security.profile = {1}: Chat refused, Telephony online, {2}")
    @CsvSource({
            "TLS, matched, ONE_HALF",
            "TCP, matched, ONE_HALF",
            "UDP, matched, ONE_HALF",
            "TLS, warn,    ONE_HALF",
            "TCP, warn,    ONE_HALF",
            "UDP, warn,    ONE_HALF",
            "TLS, off,     NOT_COMPARED",
            "TCP, off,     NOT_COMPARED",
            "UDP, off,     NOT_COMPARED"})
    void chatRefusesAServerWithoutTls(SipTransport transport, String profile, GuardVerdict expected) {
        TestUser user;
        synchronized (XmppWithoutTlsIT.class) {
            user = TB.testbed().createUser("notls" + (++users));
        }
        try (RunningClient c = RunningClient.start(TB.testbed(), user, transport, Map.of("security.profile", profile))) {
            ConnectionStatus chat = c.await(Half.CHAT, ConnectionState.FAILED);
            FailureReason why = chat.reason().orElseThrow();
            assertThat(why.kind()).isEqualTo(FailureReason.Kind.TLS_UNAVAILABLE);
            assertThat(why.message()).contains("does not offer STARTTLS, and this account requires TLS")
                    .doesNotContain(user.password());
            ConnectionStatus telephony = c.await(Half.TELEPHONY, ConnectionState.ONLINE);
            ServiceStatus status = c.client().status();
            assertThat(status.chat().state()).as("Chat stays failed (not retried)").isEqualTo(ConnectionState.FAILED);
            assertThat(status.parity().decision().verdict()).isEqualTo(expected);
            ROWS.add(String.format("%-8s %-4s | %-16s | %-10s | failed (%s): %s", profile, transport, expected,
                    telephony.state(), why.kind().name(), why.message()));
        }
        String log = TB.testbed().prosody().logTail(400);
        assertThat(log).as("no credentials reached the server in the clear").doesNotContain(user.password());
    }
}
