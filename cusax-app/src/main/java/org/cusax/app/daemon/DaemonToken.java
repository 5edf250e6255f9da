package org.cusax.app.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The daemon's access token: 256 random bits (SecureRandom), written to a file of mode 600 that only the
 * user can read, compared in constant time, never logged ({@link #toString} hides it).
 */
public final class DaemonToken {
    private final byte[] value;

    private DaemonToken(byte[] value) {
        this.value = value;
    }

    public static DaemonToken random(SecureRandom random) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return new DaemonToken(Base64.getUrlEncoder().withoutPadding().encodeToString(raw)
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes the token to {@code file}, created with mode 600 (replacing an old one). */
    public void writeTo(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.write(file, value, StandardOpenOption.TRUNCATE_EXISTING);
    }

    public static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip()).filter(s -> !s.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The header value a client sends: {@code Bearer TOKEN}. */
    public String bearer() {
        return "Bearer " + new String(value, StandardCharsets.US_ASCII);
    }

    /** Whether {@code authorization} is {@code Bearer TOKEN} for this token; constant time in the token. */
    public boolean accepts(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, value);
    }

    @Override
    public String toString() {
        return "DaemonToken[hidden]";
    }
}
