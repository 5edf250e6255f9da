package org.cusax.it.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.service.Half;
import org.cusax.it.support.RunningClient;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server certificate issued by a trusted CA but for another host is refused with a clear reason:
 * SIP over TLS per RFC 5922 §7 (the domain must match a subjectAltName), XMPP per RFC 6120 §13.7.2 /
 * RFC 6125. The other half is not affected.
 */
class ServerCertificateIT {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults());

    @AfterEach
    void restoreCertificates() {
        TB.testbed().kamailio().useWrongHostCertificate(false);
        TB.testbed().kamailio().restart();
        TB.testbed().prosody().useWrongHostCertificate(false);
        TB.testbed().prosody().restart();
    }

    @Test
    void sipTlsCertificateForTheWrongHostIsRefused() {
        TB.testbed().kamailio().useWrongHostCertificate(true);
        TB.testbed().kamailio().restart();
        TestUser alice = TB.testbed().createUser("alice");
        try (RunningClient c = RunningClient.start(TB.testbed(), alice, SipTransport.TLS)) {
            ConnectionStatus tel = c.await(Half.TELEPHONY, ConnectionState.FAILED);
            assertThat(tel.reason()).get().extracting(FailureReason::kind).isEqualTo(FailureReason.Kind.CERTIFICATE);
            assertThat(tel.reason().get().message()).contains("cusax.test");
            assertThat(c.await(Half.CHAT, ConnectionState.ONLINE).state()).isEqualTo(ConnectionState.ONLINE);
            assertThat(TB.testbed().kamailio().registeredContacts(alice.name())).isEmpty();
        }
    }

    @Test
    void xmppCertificateForTheWrongHostIsRefused() {
        TB.testbed().prosody().useWrongHostCertificate(true);
        TB.testbed().prosody().restart();
        TestUser bob = TB.testbed().createUser("bob");
        try (RunningClient c = RunningClient.start(TB.testbed(), bob, SipTransport.TLS)) {
            ConnectionStatus chat = c.await(Half.CHAT, ConnectionState.FAILED);
            assertThat(chat.reason()).get().extracting(FailureReason::kind).isEqualTo(FailureReason.Kind.CERTIFICATE);
            assertThat(chat.reason().get().message()).contains("cusax.test");
            assertThat(c.await(Half.TELEPHONY, ConnectionState.ONLINE).state()).isEqualTo(ConnectionState.ONLINE);
        }
    }
}
