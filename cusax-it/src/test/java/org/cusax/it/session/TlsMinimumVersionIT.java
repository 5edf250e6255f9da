package org.cusax.it.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.service.Half;
import org.cusax.it.support.RunningClient;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RFC 8996 / RFC 7525 §3.1.1 as policy ({@code tls.min-version}): real Prosody (STARTTLS) and real Kamailio
 * (SIP over TLS) that serve TLS 1.2 and nothing newer. A client whose minimum is TLS 1.3 refuses both halves
 * at the handshake with a clear reason; the same client with the default minimum (TLS 1.2) connects both, so
 * the refusal is the minimum's doing and not a broken server.
 */
class TlsMinimumVersionIT {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults());

    private static int users;

    @BeforeAll
    static void serversOfferTls12Only() {
        TB.testbed().prosody().useTlsProtocol("tlsv1_2");
        TB.testbed().prosody().restart();
        TB.testbed().kamailio().useTlsMethod("TLSv1.2");
        TB.testbed().kamailio().restart();
    }

    @AfterAll
    static void restore() {
        TB.testbed().prosody().useTlsProtocol(null);
        TB.testbed().kamailio().useTlsMethod(null);
    }

    private static synchronized TestUser newUser() {
        return TB.testbed().createUser("tlsmin" + (++users));
    }

    @Test
    void tlsBelowTheConfiguredMinimumIsRefusedOnBothHalves() {
        try (RunningClient c = RunningClient.start(TB.testbed(), newUser(), SipTransport.TLS,
                Map.of("tls.min-version", "TLSv1.3"))) {
            for (Half half : Half.values()) {
                ConnectionStatus failed = c.await(half, ConnectionState.FAILED);
                FailureReason why = failed.reason().orElseThrow();
                assertThat(why.message()).as("%s: %s", half, why)
                        .contains("offers no TLS version at or above the configured minimum (tls.min-version = TLSv1.3)")
                        .contains(half == Half.CHAT ? "XMPP server" : "SIP server");
                assertThat(why.kind()).as("%s: %s", half, why).isEqualTo(FailureReason.Kind.TLS_UNAVAILABLE);
            }
        }
    }

    @Test
    void theSameServersAreAcceptedAtTheDefaultMinimum() {
        try (RunningClient c = RunningClient.start(TB.testbed(), newUser(), SipTransport.TLS)) {
            for (Half half : Half.values()) {
                ConnectionStatus online = c.await(half, ConnectionState.ONLINE);
                assertThat(online.security().describe()).as("%s", half).contains("TLSv1.2");
            }
        }
    }
}
