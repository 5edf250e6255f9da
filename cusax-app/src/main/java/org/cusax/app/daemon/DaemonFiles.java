package org.cusax.app.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.cusax.core.account.Account;
import org.cusax.core.config.DaemonSettings;
import org.cusax.core.service.CusaxLink;

/**
 * The state files of one account's daemon: {@code NAME.lock} (holds the lock; pid and port inside) and
 * {@code NAME.token} (mode 600). NAME is the account readable, plus a hash of both addresses so two
 * accounts never share files.
 */
public record DaemonFiles(Path dir, String name) {
    public static DaemonFiles of(DaemonSettings settings, CusaxLink link) {
        String who = link.telephony().map(Account::address).orElse("") + "|" + link.chat().map(Account::address).orElse("");
        String readable = link.chat().or(link::telephony).map(Account::address).orElse("account")
                .replaceFirst("^sips?:", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._@-]", "_");
        return new DaemonFiles(settings.stateDir(), readable + "-" + hash(who));
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path lock() {
        return dir.resolve(name + ".lock");
    }

    public Path token() {
        return dir.resolve(name + ".token");
    }

    /** Creates the state directory (mode 700 where POSIX permissions exist). */
    public void createDir() throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(dir);
            }
        }
    }
}
