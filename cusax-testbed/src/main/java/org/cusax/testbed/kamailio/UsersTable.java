package org.cusax.testbed.kamailio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The db_text table {@code users} that Kamailio loads into its {@code users} htable: one line per
 * user, {@code name:0:0:password:0} (key name, key type, value type, value, expires), with
 * {@code :} and {@code \} escaped. Every write moves the file's modification time forward so that
 * {@code htable.reload} (db_text non-caching mode compares mtimes) always sees the change.
 */
final class UsersTable {

    static final String HEADER = "key_name(str) key_type(int) value_type(int) key_value(str) expires(int)";

    private final Path file;
    private final Map<String, String> users = new LinkedHashMap<>();

    UsersTable(Path file) {
        this.file = file;
        write();
    }

    Path file() {
        return file;
    }

    synchronized void put(String user, String password) {
        users.put(user, password);
        write();
    }

    synchronized boolean contains(String user) {
        return users.containsKey(user);
    }

    private void write() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        users.forEach((u, p) -> b.append(escape(u)).append(":0:0:").append(escape(p)).append(":0\n"));
        try {
            Files.createDirectories(file.getParent());
            FileTime before = Files.exists(file) ? Files.getLastModifiedTime(file) : FileTime.fromMillis(0);
            Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            long next = Math.max(System.currentTimeMillis(), before.toMillis() + 1000);
            Files.setLastModifiedTime(file, FileTime.fromMillis(next));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String escape(String s) {
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\t') >= 0 || s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("control characters are not allowed in user names or passwords");
        }
        return s.replace("\\", "\\\\").replace(":", "\\:");
    }
}
