package org.cusax.sandbox.peers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The spoken greeting shipped as a resource ({@code greeting.wav}: 8 kHz, mono, 16-bit PCM, about
 * 3.8 s; see the module README for how it was made), copied to a file because the media layer plays
 * WAV files.
 */
public final class GreetingAudio {
    static final String RESOURCE = "greeting.wav";

    private GreetingAudio() {
    }

    /** Writes the greeting to {@code dir/greeting.wav} and returns that path. */
    public static Path extract(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path out = dir.resolve(RESOURCE);
        try (InputStream in = GreetingAudio.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the greeting resource " + RESOURCE + " is missing from the classpath");
            }
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        return out;
    }
}
