package org.cusax.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: {@code ./cusax demo} opens the sign-in link only where a desktop and xdg-open exist. */
class DemoWebClientTest {
    @TempDir
    Path dir;

    @Test
    void aDesktopNeedsADisplayAndXdgOpenOnThePath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(bin.resolve("xdg-open"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(bin.resolve("xdg-open"), PosixFilePermissions.fromString("rwx------"));

        assertThat(DemoWebClient.desktop(Map.of("DISPLAY", ":0", "PATH", empty + ":" + bin))).isTrue();
        assertThat(DemoWebClient.desktop(Map.of("WAYLAND_DISPLAY", "wayland-0", "PATH", bin.toString()))).isTrue();
        assertThat(DemoWebClient.desktop(Map.of("PATH", bin.toString()))).as("no display: a server, ssh").isFalse();
        assertThat(DemoWebClient.desktop(Map.of("DISPLAY", " ", "PATH", bin.toString()))).isFalse();
        assertThat(DemoWebClient.desktop(Map.of("DISPLAY", ":0", "PATH", empty.toString()))).as("no xdg-open").isFalse();
    }
}
