package org.cusax.testbed.prosody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cusax.testbed.TestUser;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.process.Waits;
import org.cusax.testbed.xmpp.XmppProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Prosody from deploy/prosody: RFC 6120 §5 (STARTTLS required), §6 (SASL), restarts. */
class ProsodyServerTest {

    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults().withKamailio(false));

    private XmppProbe probe() {
        Testbed tb = TB.testbed();
        return new XmppProbe(tb.prosody().host(), tb.prosody().c2sPort(), tb.domain(), tb.ca().sslContext());
    }

    @Test
    void streamRequiresStartTlsAndOffersScramAfterIt() {
        XmppProbe.Result r = probe().probe();

        assertThat(r.featuresBeforeTls()).contains("urn:ietf:params:xml:ns:xmpp-tls").doesNotContain("mechanism");
        assertThat(r.startTlsRequired()).isTrue();
        assertThat(r.tlsProtocol()).isIn("TLSv1.2", "TLSv1.3");
        assertThat(r.mechanisms()).contains("SCRAM-SHA-1");
    }

    @Test
    void createdUserLogsInAndAWrongPasswordDoesNot() {
        TestUser carol = TB.testbed().createUser("carol");

        assertThat(probe().login("carol", carol.password()).authenticated()).isTrue();
        assertThat(probe().login("carol", carol.password() + "x").authenticated()).isFalse();
        assertThat(probe().login("nobody", "whatever").authenticated()).isFalse();
    }

    @Test
    void anAccountWrittenToStorageLogsInWithTheTemplatePassword() {
        TestUser template = TB.testbed().createUser("template");
        TB.testbed().prosody().storage().cloneAccount("template", "clone-1");

        assertThat(probe().login("clone-1", template.password()).authenticated()).isTrue();
        assertThat(probe().login("clone-1", template.password() + "x").authenticated()).isFalse();
    }

    @Test
    void kill9ThenStartKeepsPortAndUsers() {
        ProsodyServer p = TB.testbed().prosody();
        TestUser dave = TB.testbed().createUser("dave");
        int port = p.c2sPort();
        long pid = p.pid();

        p.kill9();
        assertThat(p.isRunning()).isFalse();
        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(Waits.tcpOpen(p.host(), port)).isFalse();

        p.start();
        assertThat(p.c2sPort()).isEqualTo(port);
        assertThat(p.pid()).isNotEqualTo(pid);
        assertThat(probe().login("dave", dave.password()).authenticated()).isTrue();
    }

    @Test
    void wrongHostCertificateFailsTheHostNameCheck() {
        ProsodyServer p = TB.testbed().prosody();
        try {
            p.useWrongHostCertificate(true);
            p.restart();
            assertThatThrownBy(() -> probe().probe())
                    .hasStackTraceContaining("No subject alternative DNS name matching " + TB.testbed().domain());
        } finally {
            p.useWrongHostCertificate(false);
            p.restart();
        }
        assertThat(probe().probe().tlsProtocol()).isNotNull();
    }
}
