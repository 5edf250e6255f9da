package org.cusax.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.cusax.core.config.ClientConfigLoader;

/**
 * Fuzz target (Jazzer) for the provisioning document, which comes from the network: it is accepted or refused
 * with {@link ProvisioningException} (never another exception), and an accepted one never sets a
 * {@link LocalKeys local key}, whatever its line ends.
 */
class ProvisioningDocumentFuzzTest {
    private static final URI FROM = URI.create("https://provisioning.example.com/cusax");
    private static final ClientConfigLoader LOADER = new ClientConfigLoader(Map.of(), Path.of("/nonexistent-home"));

    @FuzzTest(maxDuration = "60s")
    void documentsAreAcceptedOrRefusedClearly(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ProvisioningDocument doc;
        try {
            doc = ProvisioningDocument.parse(FROM, text);
        } catch (ProvisioningException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        for (String key : doc.values().keySet()) {
            assertThat(LocalKeys.local(key)).as("document sets local key %s", key).isFalse();
        }
        try {
            doc.validate(LOADER, Map.of("xmpp.password", "x", "sip.password", "x"));
        } catch (ProvisioningException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
