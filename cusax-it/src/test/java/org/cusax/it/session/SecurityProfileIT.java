package org.cusax.it.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 7081 §7 security-profile guard against real Prosody (XMPP with STARTTLS) and real Kamailio (SIP
 * over TLS, TCP or UDP): the decision under each {@code security.profile} is the one the unit matrix
 * (SecurityGuardTest) gives, and the client acts on it. One testbed for the class.
 */
class SecurityProfileIT {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults());

    private static int users;

    @ParameterizedTest(name = "XMPP TLS + SIP over {0}, security.profile = {1} -> {2}")
    @CsvSource({
            "TLS, matched, EQUAL",
            "TCP, matched, MISMATCH_REFUSED",
            "UDP, matched, MISMATCH_REFUSED",
            "TLS, warn,    EQUAL",
            "TCP, warn,    MISMATCH_WARNED",
            "UDP, warn,    MISMATCH_WARNED",
            "TLS, off,     NOT_COMPARED",
            "TCP, off,     NOT_COMPARED",
            "UDP, off,     NOT_COMPARED"})
    void theGuardDecidesAsTheMatrixSays(SipTransport transport, String profile, GuardVerdict expected) {
        TestUser user = TB.testbed().createUser("guard" + (++users));
        try (RunningClient c = RunningClient.start(TB.testbed(), user, transport,
                Map.of("security.profile", profile))) {
            c.await(Half.CHAT, ConnectionState.ONLINE);
            if (expected == GuardVerdict.MISMATCH_REFUSED) {
                ConnectionStatus tel = c.await(Half.TELEPHONY, ConnectionState.FAILED);
                assertThat(tel.reason()).get().extracting(FailureReason::kind)
                        .isEqualTo(FailureReason.Kind.SECURITY_PROFILE);
                assertThat(tel.reason()).get().extracting(FailureReason::message).asString()
                        .contains("Telephony uses SIP over " + transport.name() + " (unencrypted")
                        .contains("while Chat uses XMPP (TLSv1.")
                        .contains("certificate verified for " + TB.testbed().options().domain())
                        .contains("set sip.transport = tls");
            } else {
                c.await(Half.TELEPHONY, ConnectionState.ONLINE);
            }
            ServiceStatus status = c.client().status();
            assertThat(status.chat().state()).isEqualTo(ConnectionState.ONLINE);
            assertThat(status.parity().decision().verdict()).isEqualTo(expected);
            assertThat(status.parity().matched()).isEqualTo(expected != GuardVerdict.MISMATCH_REFUSED
                    && expected != GuardVerdict.MISMATCH_WARNED);
            if (expected == GuardVerdict.MISMATCH_WARNED) {
                assertThat(status.parity().explanation()).contains("Telephony runs anyway");
            }
        }
    }
}
