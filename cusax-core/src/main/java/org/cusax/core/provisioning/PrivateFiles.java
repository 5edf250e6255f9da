package org.cusax.core.provisioning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.cusax.core.account.Secret;

/** Files only the user may read: the kept configuration's directory (700) and the password file (600). */
public final class PrivateFiles {
    private PrivateFiles() {
    }

    public static void createDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
    }

    /** Writes the password alone on one line, mode 600, atomically. */
    public static void writePassword(Path file, Secret password) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".cusax-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, password.reveal() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The first line of a password file. */
    public static Secret readPassword(Path file) throws IOException {
        String first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        if (first.isEmpty()) {
            throw new IOException("the password file " + file + " is empty");
        }
        return Secret.of(first);
    }
}
