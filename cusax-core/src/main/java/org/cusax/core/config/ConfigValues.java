package org.cusax.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Typed reads of a {@link ConfigFile}, each failing with a message that names the key. */
final class ConfigValues {
    private final ConfigFile file;
    private final Path home;

    ConfigValues(ConfigFile file, Path home) {
        this.file = file;
        this.home = home;
    }

    String string(String key) {
        return file.get(key);
    }

    Optional<String> optional(String key) {
        String v = file.get(key);
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    boolean bool(String key) {
        String v = file.get(key).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(key, "'" + v + "' is not true or false");
        };
    }

    int integer(String key, int min, int max) {
        String v = file.get(key);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw error(key, n + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw error(key, "'" + v + "' is not a whole number");
        }
    }

    double decimal(String key) {
        String v = file.get(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw error(key, "'" + v + "' is not a number");
        }
    }

    Duration duration(String key) {
        String v = file.get(key);
        return Durations.parse(v).orElseThrow(
                () -> error(key, "'" + v + "' is not a duration (e.g. 500ms, 30s, 10m, 1h)"));
    }

    Optional<Path> path(String key) {
        return optional(key).map(this::expand);
    }

    List<String> list(String key) {
        return Arrays.stream(file.get(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private Path expand(String p) {
        if (p.equals("~")) {
            return home;
        }
        if (p.startsWith("~/")) {
            return home.resolve(p.substring(2));
        }
        return Path.of(p);
    }

    ConfigError error(String key, String problem) {
        return new ConfigError(file.source() + ": " + key + ": " + problem);
    }
}
