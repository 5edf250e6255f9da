package org.cusax.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.connection.SecurityLevel;
import org.cusax.core.client.SecurityParity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 7081 §2 provisioning document: validated with the config file's own loader; local keys refused. */
class ProvisioningDocumentTest {
    static final URI FROM = URI.create("https://prov.example.com/cusax/v1/provisioning");
    static final String DOCUMENT = """
            provisioning.version = 7
            provisioning.url = https://prov.example.com/cusax/v1/provisioning
            xmpp.jid = alice@example.com
            xmpp.host = xmpp.example.com
            sip.aor = sip:alice@example.com
            sip.proxy.host = sip.example.com
            sip.transport = tls
            service.policy.chat-after-telephony = true
            service.policy.all-or-nothing = false
            """;

    @TempDir
    Path dir;

    private Map<String, String> local() throws Exception {
        Path password = dir.resolve("cusax.password");
        PrivateFiles.writePassword(password, org.cusax.core.account.Secret.of("s3cret"));
        return Map.of("xmpp.password-file", password.toString(), "sip.password-file", password.toString());
    }

    @Test
    void aValidDocumentLoadsWithThePolicyAndVersion() throws Exception {
        ProvisioningDocument doc = ProvisioningDocument.parse(FROM, DOCUMENT);
        assertThat(doc.version()).isEqualTo("7");
        ClientConfig config = doc.validate(new ClientConfigLoader(Map.of(), dir), local());
        assertThat(config.policy().chatAfterTelephony()).isTrue();
        assertThat(config.policy().allOrNothing()).isFalse();
        assertThat(config.provisioning().version()).contains("7");
        assertThat(config.link().chat().orElseThrow().server().host()).isEqualTo("xmpp.example.com");
        assertThat(ConfiguredSecurity.of(config.link()).matched()).isTrue();
    }

    @Test
    void anUnknownKeyIsRejectedNamingKeyAndLine() {
        assertThatThrownBy(() -> ProvisioningDocument.parse(FROM, DOCUMENT + "sip.transprot = udp\n"))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining(":10: unknown key 'sip.transprot'")
                .hasMessageContaining("did you mean 'sip.transport'")
                .extracting(e -> ((ProvisioningException) e).kind())
                .isEqualTo(ProvisioningException.Kind.INVALID_DOCUMENT);
    }

    @Test
    void aDocumentMayNotSetLocalKeysSuchAsPasswordFiles() {
        assertThatThrownBy(() -> ProvisioningDocument.parse(FROM, DOCUMENT + "xmpp.password-file = /etc/shadow\n"))
                .hasMessageContaining(":10: 'xmpp.password-file' is a local setting");
        assertThatThrownBy(() -> ProvisioningDocument.parse(FROM, "sip.password = x\n" + DOCUMENT))
                .hasMessageContaining(":1: 'sip.password' is a local setting");
    }

    /** Found by ProvisioningDocumentFuzzTest: a bare CR ends a line for the parser, so it must for the check too. */
    @Test
    void aLocalKeyAfterABareCarriageReturnIsRefusedToo() {
        assertThatThrownBy(() -> ProvisioningDocument.parse(FROM, "provisioning.version = 7\rxmpp.password-file = /etc/shadow\r"))
                .hasMessageContaining(":2: 'xmpp.password-file' is a local setting");
    }

    @Test
    void aDocumentWithoutVersionIsRejected() {
        assertThatThrownBy(() -> ProvisioningDocument.parse(FROM, DOCUMENT.replace("provisioning.version = 7\n", "")))
                .hasMessageContaining("provisioning.version is missing");
    }

    @Test
    void aBadValueIsRejectedByTheLoaderNamingTheKey() throws Exception {
        ProvisioningDocument doc = ProvisioningDocument.parse(FROM, DOCUMENT.replace("sip.transport = tls",
                "sip.transport = carrier-pigeon"));
        assertThatThrownBy(() -> doc.validate(new ClientConfigLoader(Map.of(), dir), local()))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("sip.transport");
    }

    @Test
    void aPlainHttpProvisioningUrlInTheDocumentIsRejected() throws Exception {
        ProvisioningDocument doc = ProvisioningDocument.parse(FROM, DOCUMENT.replace(
                "provisioning.url = https://", "provisioning.url = http://"));
        assertThatThrownBy(() -> doc.validate(new ClientConfigLoader(Map.of(), dir), local()))
                .hasMessageContaining("provisioning.url").hasMessageContaining("not an https:// URL");
    }

    @Test
    void tlsOnOneHalfOnlyIsFlagged() throws Exception {
        ProvisioningDocument doc = ProvisioningDocument.parse(FROM, DOCUMENT.replace("sip.transport = tls",
                "sip.transport = udp"));
        SecurityParity parity = ConfiguredSecurity.of(doc.validate(new ClientConfigLoader(Map.of(), dir), local()).link());
        assertThat(parity.matched()).isFalse();
        assertThat(parity.telephony()).contains(SecurityLevel.NONE);
        assertThat(parity.explanation()).contains("TLS on one half only").contains("Telephony is configured without encryption");
    }
}
