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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A wrong password fails its own half only, with a clear reason (RFC 6120 §6.5 SASL failure;
 * RFC 3261 §22 digest), and the other half comes up (RFC 7081 §3). With a server that only offers MD5,
 * the SIP half falls back to it (RFC 8760 §2.4).
 */
class WrongCredentialsIT {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults());

    @Test
    void wrongXmppPasswordFailsChatOnlyAndSaysWhy() throws Exception {
        TestUser alice = TB.testbed().createUser("alice");
        try (RunningClient c = RunningClient.start(TB.testbed(), alice, SipTransport.TLS,
                RunningClient.wrongPassword(TB.testbed(), "xmpp"))) {
            ConnectionStatus chat = c.await(Half.CHAT, ConnectionState.FAILED);
            assertThat(chat.reason()).get().extracting(FailureReason::kind).isEqualTo(FailureReason.Kind.AUTHENTICATION);
            assertThat(chat.reason().get().message()).isNotBlank().doesNotContain("not-the-password");
            assertThat(c.await(Half.TELEPHONY, ConnectionState.ONLINE).state()).isEqualTo(ConnectionState.ONLINE);
        }
    }

    @Test
    void wrongSipPasswordFailsTelephonyOnlyAndSaysWhy() throws Exception {
        TestUser bob = TB.testbed().createUser("bob");
        try (RunningClient c = RunningClient.start(TB.testbed(), bob, SipTransport.TLS,
                RunningClient.wrongPassword(TB.testbed(), "sip"))) {
            ConnectionStatus tel = c.await(Half.TELEPHONY, ConnectionState.FAILED);
            assertThat(tel.reason()).get().extracting(FailureReason::kind).isEqualTo(FailureReason.Kind.AUTHENTICATION);
            assertThat(tel.reason().get().message()).isNotBlank().doesNotContain("not-the-password");
            assertThat(c.await(Half.CHAT, ConnectionState.ONLINE).state()).isEqualTo(ConnectionState.ONLINE);
            assertThat(TB.testbed().kamailio().registeredContacts(bob.name())).isEmpty();
        }
    }

    @Test
    void md5IsUsedWhenTheServerOffersNothingBetter() {
        TestUser carol = TB.testbed().createUser("carol");
        try (RunningClient c = RunningClient.start(TB.testbed(), carol, SipTransport.TCP)) {
            ConnectionStatus tel = c.await(Half.TELEPHONY, ConnectionState.ONLINE);
            assertThat(tel.security().authentication()).get().asString().contains("MD5");
        }
    }
}
