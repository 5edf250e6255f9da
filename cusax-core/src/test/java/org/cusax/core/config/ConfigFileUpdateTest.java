package org.cusax.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A setting changed from a user interface lands in the user's config file, keeping everything else. */
class ConfigFileUpdateTest {
    @TempDir
    Path dir;

    @Test
    void theKeysLineIsReplacedAndTheRestKept() throws Exception {
        Path f = Files.writeString(dir.resolve("c.conf"), "# mine\nxmpp.jid = a@b.test\n  sip.call-info = true  \n# end\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));

        ConfigFileUpdate.set(f, "sip.call-info", "false");

        assertThat(Files.readString(f)).isEqualTo("# mine\nxmpp.jid = a@b.test\nsip.call-info = false\n# end\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(ConfigFile.read(f).get("sip.call-info")).isEqualTo("false");
    }

    @Test
    void aKeyNotYetSetIsAppended() throws Exception {
        Path f = Files.writeString(dir.resolve("c.conf"), "xmpp.jid = a@b.test");

        ConfigFileUpdate.set(f, "presence.on-the-phone", "false");

        assertThat(Files.readString(f)).isEqualTo("xmpp.jid = a@b.test\npresence.on-the-phone = false\n");
    }

    @Test
    void unknownKeysAndMultiLineValuesAreRefusedAndTheFileUntouched() throws Exception {
        Path f = Files.writeString(dir.resolve("c.conf"), "xmpp.jid = a@b.test\n");

        assertThatThrownBy(() -> ConfigFileUpdate.set(f, "no.such", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigFileUpdate.set(f, "sip.call-info", "true\nxmpp.password = x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(f)).isEqualTo("xmpp.jid = a@b.test\n");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").hasSize(1);
        }
    }
}
