package org.cusax.xmpp.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cache files (contacts, roster) replaced whole, private to the user, whatever the writing thread's state. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheContentInAPrivateDirectoryAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("cache/contacts.xml");
        AtomicFiles.write(target, "<old/>");
        AtomicFiles.write(target, "<new>é</new>");

        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("<new>é</new>");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    /**
     * A contact thread stopped at shutdown is interrupted: its last save must still be written whole (an NIO
     * {@code FileChannel} would throw {@code ClosedByInterruptException}; this guards the choice of stream).
     */
    @Test
    void aThreadWithItsInterruptFlagSetStillSaves() throws Exception {
        Path target = dir.resolve("roster.xml");
        Thread.currentThread().interrupt();
        try {
            AtomicFiles.write(target, "<query xmlns='jabber:iq:roster' ver='7'/>");
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is left to its owner").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(Files.readString(target)).isEqualTo("<query xmlns='jabber:iq:roster' ver='7'/>");
    }
}
