package org.cusax.core.provisioning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.cusax.core.config.ConfigFile;

/**
 * The user's configuration file as written by {@code cusax login}: the user's local keys (password
 * files, trust stores) followed by the provisioned keys. Re-provisioning replaces the provisioned keys
 * and keeps the local ones. Written with mode 600 (only the user reads it).
 *
 * @param local       keys only the user sets ({@link LocalKeys}), plus any the user added by hand
 * @param provisioned keys from the provisioning document (or from DNS discovery), in order
 */
public record KeptConfig(Map<String, String> local, Map<String, String> provisioned) {
    public KeptConfig {
        local = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(local));
        provisioned = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provisioned));
    }

    /** Reads a kept file, splitting local from provisioned keys. */
    public static KeptConfig read(Path path) {
        ConfigFile file = ConfigFile.read(path);
        Map<String, String> local = new LinkedHashMap<>();
        Map<String, String> provisioned = new LinkedHashMap<>();
        for (String key : file.explicitKeys()) {
            (LocalKeys.local(key) ? local : provisioned).put(key, file.get(key));
        }
        return new KeptConfig(local, provisioned);
    }

    /** Comment lines saying where the file came from. */
    public static String header(String origin) {
        return "# Written by cusax login: " + origin + ".\n"
                + "# Readable by you only (600). Passwords are in the password file named below, not here.\n";
    }

    /** The same local keys with a new provisioned part. */
    public KeptConfig withProvisioned(Map<String, String> values) {
        return new KeptConfig(local, values);
    }

    /** The file's text, {@code header} (comment lines) first. */
    public String render(String header) {
        StringBuilder text = new StringBuilder(header);
        text.append("# ---- local settings (kept when the provisioned settings change)\n");
        local.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        text.append("# ---- provisioned settings (replaced when a new version is provisioned)\n");
        provisioned.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        return text.toString();
    }

    /** Writes the file atomically, readable by the user only (600); its directory is created 700. */
    public void write(Path path, String header) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        PrivateFiles.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".cusax-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, render(header), StandardCharsets.UTF_8);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** What changed in the provisioned keys since {@code before}, one line per key, sorted by key. */
    public List<String> changesSince(KeptConfig before) {
        List<String> changes = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(before.provisioned.keySet());
        keys.addAll(provisioned.keySet());
        for (String key : keys) {
            String was = before.provisioned.get(key);
            String now = provisioned.get(key);
            if (was == null) {
                changes.add(key + ": set to " + now);
            } else if (now == null) {
                changes.add(key + ": removed (was " + was + ")");
            } else if (!was.equals(now)) {
                changes.add(key + ": " + was + " -> " + now);
            }
        }
        return changes;
    }
}
