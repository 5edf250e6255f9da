package org.cusax.media.device;

import java.io.IOException;
import java.util.Objects;

import org.cusax.media.audio.AudioSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a call's received audio is played, on a sink that can be replaced while the call runs (another
 * speaker). The RTP session and its jitter buffer keep writing to this one object. A switch closes the old
 * sink; from one speaker to another the frames queued but not yet played move to the new one and play first.
 * Switch from any thread.
 */
public final class SwitchingSink implements AudioSink {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchingSink.class);
    private AudioSink current;
    private boolean closed;

    public SwitchingSink(AudioSink first) {
        this.current = Objects.requireNonNull(first, "first");
    }

    /** Writes to {@code next} from now on and closes the sink used so far (or {@code next}, if this one is closed). */
    public void switchTo(AudioSink next) {
        Objects.requireNonNull(next, "next");
        AudioSink old;
        synchronized (this) {
            if (closed) {
                closeQuietly(next);
                return;
            }
            old = current;
            current = next;
        }
        if (old == next) {
            return;
        }
        if (old instanceof SpeakerSink from && next instanceof SpeakerSink to) {
            from.handOver(to);
        } else {
            closeQuietly(old);
        }
    }

    private static void closeQuietly(AudioSink sink) {
        try {
            sink.close();
        } catch (IOException e) {
            LOG.warn("closing the previous speaker failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void write(short[] frame) {
        current.write(frame);
    }

    @Override
    public void close() throws IOException {
        AudioSink last;
        synchronized (this) {
            closed = true;
            last = current;
        }
        last.close();
    }
}
