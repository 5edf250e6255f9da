package org.cusax.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Changes one key of a user's config file in place: the line that sets it is replaced (comments, order and
 * every other line are kept), or a line is appended. The new text must still parse; it replaces the file
 * atomically, with the file's own permissions (a config written by {@code cusax login} stays 600).
 */
public final class ConfigFileUpdate {
    private ConfigFileUpdate() {
    }

    public static void set(Path file, String key, String value) throws IOException {
        if (!ConfigFile.defaults().containsKey(key)) {
            throw new IllegalArgumentException("unknown key '" + key + "'");
        }
        if (value == null || value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException("a value is one line");
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            int eq = t.indexOf('=');
            if (!t.startsWith("#") && eq > 0 && t.substring(0, eq).strip().equals(key)) {
                lines.set(i, key + " = " + value);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(key + " = " + value);
        }
        String text = String.join("\n", lines) + "\n";
        ConfigFile.parse(file.toString(), text); // never write a file that would not load
        Path dir = file.toAbsolutePath().getParent();
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        Path tmp = Files.createTempFile(dir, ".cusax-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tmp, mode);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
