package org.cusax.media.device;

import java.util.Objects;

import org.cusax.media.audio.AudioSource;

/**
 * What a call sends, on a source that can be replaced while the call runs (another microphone). The RTP
 * session keeps reading this one object, so its sequence numbers, timestamps and SRTP state go on untouched.
 * A switch closes the old source; from one microphone to another the frames captured but not yet sent move to
 * the new one and go out first. Switch from any thread.
 */
public final class SwitchingSource implements AudioSource {
    private AudioSource current;
    private boolean closed;

    public SwitchingSource(AudioSource first) {
        this.current = Objects.requireNonNull(first, "first");
    }

    /** Reads {@code next} from now on and closes the source used so far (or {@code next}, if this one is closed). */
    public void switchTo(AudioSource next) {
        Objects.requireNonNull(next, "next");
        AudioSource old;
        synchronized (this) {
            if (closed) {
                next.close();
                return;
            }
            old = current;
            current = next;
        }
        if (old == next) {
            return;
        }
        if (old instanceof MicrophoneSource from && next instanceof MicrophoneSource to) {
            from.handOver(to);
        } else {
            old.close();
        }
    }

    @Override
    public synchronized boolean read(short[] frame) {
        return current.read(frame);
    }

    @Override
    public void close() {
        AudioSource last;
        synchronized (this) {
            closed = true;
            last = current;
        }
        last.close();
    }
}
