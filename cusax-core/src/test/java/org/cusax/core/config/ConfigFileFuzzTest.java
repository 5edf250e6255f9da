package org.cusax.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target (Jazzer) for cusax.conf: reading the file and loading it into a {@link ClientConfig} either
 * succeeds or fails with a {@link ConfigError} that says what is wrong — never another exception.
 */
class ConfigFileFuzzTest {
    private static final ClientConfigLoader LOADER = new ClientConfigLoader(Map.of(), Path.of("/nonexistent-home"));

    @FuzzTest(maxDuration = "60s")
    void configFilesLoadOrFailClearly(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            LOADER.load(ConfigFile.parse("fuzz.conf", text));
        } catch (ConfigError e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
