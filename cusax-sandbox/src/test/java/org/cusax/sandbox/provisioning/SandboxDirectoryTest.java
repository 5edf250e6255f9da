package org.cusax.sandbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.cusax.provisioning.directory.DirectoryException;
import org.cusax.provisioning.directory.PhoneNumber;
import org.cusax.sandbox.xmpp.sasl.ScramCredentials;
import org.junit.jupiter.api.Test;

/**
 * One password in one place: what the sandbox's halves get from its directory are the RFC 5802 §3 SCRAM-SHA-1
 * keys and the RFC 7616 §3.4.2 HA1 values of the password set there, never the password.
 */
class SandboxDirectoryTest {
    @Test
    void theHalvesGetTheirFormsOfTheOnePassword() throws Exception {
        try (SandboxDirectory directory = SandboxDirectory.open("cusax.test")) {
            directory.add("carol", "Carol", List.of(PhoneNumber.parse("mobile:+33 6 00 00 00 01")), "one-password");
            ScramCredentials scram = directory.scramSha1("carol");
            assertThat(scram.matches("one-password")).isTrue();
            assertThat(scram.matches("other")).isFalse();
            assertThat(ScramCredentials.derive("one-password", scram.salt(), scram.iterations()).matches("one-password"))
                    .isTrue();
            assertThat(directory.digestHa1("carol"))
                    .containsEntry("MD5", hex("MD5", "carol:cusax.test:one-password"))
                    .containsEntry("SHA-256", hex("SHA-256", "carol:cusax.test:one-password"));
            assertThatThrownBy(() -> directory.scramSha1("nobody")).isInstanceOf(DirectoryException.class);
        }
    }

    private static String hex(String jca, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
