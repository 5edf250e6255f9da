package org.cusax.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.cusax.core.account.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 6: secret files are the user's alone: a password file and the kept provisioning configuration
 * are 600 in a 700 directory, also when they replace a file that was readable by others, and the kept
 * configuration never holds the password itself.
 */
class PrivateFilesTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aPasswordFileIs600In700AndReplacesAWorldReadableOne() throws Exception {
        Path file = dir.resolve("private/cusax.password");
        PrivateFiles.writePassword(file, Secret.of("first"));
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateFiles.writePassword(file, Secret.of("second"));
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(PrivateFiles.readPassword(file).reveal()).isEqualTo("second");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void theKeptConfigurationIs600AndHoldsNoPassword() throws Exception {
        Path password = dir.resolve("cusax.password");
        PrivateFiles.writePassword(password, Secret.of("s3cret-value"));
        Path kept = dir.resolve("kept/cusax.conf");
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, "old\n");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-rw-rw-"));
        new KeptConfig(Map.of("xmpp.password-file", password.toString()),
                Map.of("provisioning.version", "1", "xmpp.jid", "alice@example.com")).write(kept, "# kept\n");
        assertThat(mode(kept)).isEqualTo("rw-------");
        assertThat(Files.readString(kept)).contains("xmpp.password-file").doesNotContain("s3cret-value");
    }
}
