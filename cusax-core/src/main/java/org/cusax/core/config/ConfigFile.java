package org.cusax.core.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code key = value} file format of cusax.conf. The set of valid keys and their defaults come
 * from the reference file shipped with the code ({@code cusax.conf.reference}), so every key is
 * documented exactly once and an unknown key (a typo) is an error with its line number.
 */
public final class ConfigFile {
    private static final String REFERENCE = "cusax.conf.reference";
    private static final Map<String, String> DEFAULTS = loadDefaults();

    private final String source;
    private final Map<String, String> values;

    private ConfigFile(String source, Map<String, String> values) {
        this.source = source;
        this.values = values;
    }

    /** Every key a config file may set, with its default (empty string = no default). */
    public static Map<String, String> defaults() {
        return DEFAULTS;
    }

    public static ConfigFile read(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(path.toString(), reader);
        } catch (NoSuchFileException e) {
            throw new ConfigError("config file " + path + " does not exist");
        } catch (IOException e) {
            throw new ConfigError("cannot read config file " + path + ": " + e.getMessage(), e);
        }
    }

    public static ConfigFile parse(String source, String text) {
        try {
            return parse(source, new StringReader(text));
        } catch (IOException e) {
            throw new ConfigError("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** Only the defaults: a config with no file. */
    public static ConfigFile empty() {
        return new ConfigFile("(defaults)", Map.of());
    }

    private static ConfigFile parse(String source, Reader reader) throws IOException {
        Map<String, String> values = parseLines(source, reader, true);
        return new ConfigFile(source, Collections.unmodifiableMap(values));
    }

    private static Map<String, String> parseLines(String source, Reader reader, boolean checkKeys) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        BufferedReader in = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new ConfigError(source + ":" + number + ": expected 'key = value'");
            }
            String key = trimmed.substring(0, eq).strip();
            String value = trimmed.substring(eq + 1).strip();
            if (checkKeys && !DEFAULTS.containsKey(key)) {
                throw new ConfigError(source + ":" + number + ": unknown key '" + key + "'"
                        + Suggestions.closest(key, DEFAULTS.keySet()).map(s -> " (did you mean '" + s + "'?)").orElse(""));
            }
            if (values.containsKey(key)) {
                throw new ConfigError(source + ":" + number + ": '" + key + "' is set twice");
            }
            values.put(key, value);
        }
        return values;
    }

    private static Map<String, String> loadDefaults() {
        try (InputStream in = ConfigFile.class.getResourceAsStream(REFERENCE)) {
            if (in == null) {
                throw new IllegalStateException(REFERENCE + " is missing from the class path");
            }
            return Collections.unmodifiableMap(parseLines(REFERENCE,
                    new InputStreamReader(in, StandardCharsets.UTF_8), false));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + REFERENCE, e);
        }
    }

    /** Where the values came from (a path, or a description). */
    public String source() {
        return source;
    }

    /** The keys set explicitly in the file. */
    public Set<String> explicitKeys() {
        return values.keySet();
    }

    /** The value of a key: as set in the file, else its documented default ("" when none). */
    public String get(String key) {
        if (!DEFAULTS.containsKey(key)) {
            throw new IllegalArgumentException("'" + key + "' is not a documented config key");
        }
        return values.getOrDefault(key, DEFAULTS.get(key));
    }

    /** A copy with some keys overridden (e.g. from command-line options); keys are checked. */
    public ConfigFile with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        overrides.forEach((k, v) -> {
            if (!DEFAULTS.containsKey(k)) {
                throw new ConfigError("unknown config key '" + k + "'");
            }
            merged.put(k, v);
        });
        return new ConfigFile(source, Collections.unmodifiableMap(merged));
    }
}
