package org.cusax.it.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.service.Half;
import org.cusax.it.support.RunningClient;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.pki.CertificateFiles;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A server certificate with a valid chain and the right name but outside its validity period
 * (expired, or not yet valid; RFC 5280 §4.1.2.5, §6.1.3) is refused on either half with reason
 * CERTIFICATE (RFC 5922 §7 for SIP over TLS, RFC 6120 §13.7.2 for XMPP); the other half is not affected.
 */
class CertificateValidityIT {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults());

    private static int users;

    @AfterEach
    void restoreCertificates() {
        TB.testbed().kamailio().useCertificate(null);
        TB.testbed().kamailio().restart();
        TB.testbed().prosody().useCertificate(null);
        TB.testbed().prosody().restart();
    }

    private static CertificateFiles outOfValidity(String stem, String notBefore, String notAfter) {
        return TB.testbed().ca().issueValidBetween(stem, List.of(TB.testbed().options().domain(), "localhost"),
                List.of("127.0.0.1"), notBefore, notAfter);
    }

    @ParameterizedTest(name = "{0} certificate on the {1} server")
    @CsvSource({
            "expired,       SIP,  20200101000000Z, 20200201000000Z",
            "expired,       XMPP, 20200101000000Z, 20200201000000Z",
            "not-yet-valid, SIP,  20990101000000Z, 20991231000000Z",
            "not-yet-valid, XMPP, 20990101000000Z, 20991231000000Z"})
    void aCertificateOutsideItsValidityIsRefusedOnThatHalfOnly(String what, String server, String notBefore,
                                                               String notAfter) {
        CertificateFiles cert = outOfValidity(what + "-" + server.toLowerCase(java.util.Locale.ROOT), notBefore,
                notAfter);
        boolean sip = server.equals("SIP");
        if (sip) {
            TB.testbed().kamailio().useCertificate(cert);
            TB.testbed().kamailio().restart();
        } else {
            TB.testbed().prosody().useCertificate(cert);
            TB.testbed().prosody().restart();
        }
        TestUser user = TB.testbed().createUser("valid" + (++users));
        try (RunningClient c = RunningClient.start(TB.testbed(), user, SipTransport.TLS)) {
            Half refused = sip ? Half.TELEPHONY : Half.CHAT;
            Half other = sip ? Half.CHAT : Half.TELEPHONY;
            ConnectionStatus failed = c.await(refused, ConnectionState.FAILED);
            assertThat(failed.reason()).get().extracting(FailureReason::kind).isEqualTo(FailureReason.Kind.CERTIFICATE);
            assertThat(failed.reason().get().message()).contains("cusax.test")
                    .contains(what.equals("expired") ? "has expired" : "is not valid yet");
            assertThat(c.await(other, ConnectionState.ONLINE).state()).isEqualTo(ConnectionState.ONLINE);
        }
    }
}
