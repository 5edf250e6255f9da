package org.cusax.testbed.kamailio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersTableTest {

    @Test
    void writesDbTextRowsWithEscapesAndOwnerOnlyMode(@TempDir Path dir) throws Exception {
        UsersTable t = new UsersTable(dir.resolve("users"));
        long first = Files.getLastModifiedTime(t.file()).toMillis();
        t.put("alice", "a:b\\c");

        assertThat(Files.readAllLines(t.file())).containsExactly(UsersTable.HEADER, "alice:0:0:a\\:b\\\\c:0");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(t.file()))).isEqualTo("rw-------");
        // each write moves mtime forward, so db_text notices the change even within one second
        assertThat(Files.getLastModifiedTime(t.file()).toMillis()).isGreaterThan(first);
    }

    @Test
    void refusesLineBreaks(@TempDir Path dir) {
        UsersTable t = new UsersTable(dir.resolve("users"));
        assertThatThrownBy(() -> t.put("bob", "x\ny")).isInstanceOf(IllegalArgumentException.class);
    }
}
