package org.cusax.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.cusax.core.account.Secret;

/**
 * Finds a half's password: the password file first, then the named environment variable, then the
 * inline value. Errors name where we looked, never what we found.
 */
final class PasswordSource {
    private PasswordSource() {
    }

    static Secret resolve(ConfigValues config, String prefix, Map<String, String> env) {
        Optional<Path> file = config.path(prefix + ".password-file");
        if (file.isPresent()) {
            return fromFile(config, prefix + ".password-file", file.get());
        }
        Optional<String> envName = config.optional(prefix + ".password-env");
        if (envName.isPresent()) {
            String value = env.get(envName.get());
            if (value != null && !value.isEmpty()) {
                return Secret.of(value);
            }
        }
        Optional<String> inline = config.optional(prefix + ".password");
        if (inline.isPresent()) {
            return Secret.of(inline.get());
        }
        throw config.error(prefix + ".password-file", "no password: set " + prefix + ".password-file, the environment variable "
                + envName.orElse("(none named)") + ", or " + prefix + ".password");
    }

    private static Secret fromFile(ConfigValues config, String key, Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String firstLine = text.lines().findFirst().orElse("");
            if (firstLine.isEmpty()) {
                throw config.error(key, "the password file " + file + " is empty");
            }
            return Secret.of(firstLine);
        } catch (IOException e) {
            throw config.error(key, "cannot read the password file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
