package org.cusax.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.WavFileSink;

/**
 * How much audio a call's recording holds while the call still runs: our recordings (WavFileSink, 8 kHz
 * 16-bit mono after its header) grow on disk as frames arrive. The sink buffers up to 8 KiB (half a
 * second), so the size on disk never over-states what was recorded: waiting for a length waits for at least
 * that much audio, as long as the machine needs and no longer.
 */
public final class Recordings {
    private static final long BYTES_PER_SECOND = Pcm.SAMPLE_RATE * 2L;

    private Recordings() {
    }

    /** The audio {@code wav} holds on disk now; zero while it does not exist yet. */
    public static Duration recorded(Path wav) {
        try {
            long data = Math.max(0, Files.size(wav) - WavFileSink.HEADER_BYTES);
            return Duration.ofMillis(data * 1000 / BYTES_PER_SECOND);
        } catch (IOException e) {
            return Duration.ZERO;
        }
    }

    /** Waits until {@code wav} holds at least {@code audio}; fails after {@code limit} saying how much it held. */
    public static void awaitRecorded(Path wav, Duration audio, Duration limit) {
        Await.until(audio.toMillis() + " ms recorded in " + wav.getFileName(), limit, () -> recorded(wav),
                held -> held.compareTo(audio) >= 0);
    }
}
