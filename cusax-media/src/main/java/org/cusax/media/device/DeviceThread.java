package org.cusax.media.device;

import java.io.IOException;

import org.cusax.core.audio.AudioDirection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device-thread life shared by the microphone and the speaker: open the line on the device thread,
 * move audio until closed, tell the listener once when the device cannot be opened or fails, and always
 * release the line. Subclasses say only how audio moves ({@link #transfer}).
 */
abstract class DeviceThread<L extends DeviceLine> {
    static final int CAPACITY_FRAMES = 10;
    static final int PREBUFFER_FRAMES = 2;

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final AudioDirection direction;
    private final String kind;
    private final String device;
    private final LineOpener<L> opener;
    private final DeviceFailureListener failures;
    final FrameBuffer buffer;
    private volatile L line;
    private volatile boolean closed;

    /** @param kind what the device is, for logs ("microphone", "speaker") */
    DeviceThread(AudioDirection direction, String kind, String device, LineOpener<L> opener,
                 DeviceFailureListener failures, int capacity) {
        this.direction = direction;
        this.kind = kind;
        this.device = device;
        this.opener = opener;
        this.failures = failures;
        this.buffer = new FrameBuffer(capacity, Math.min(PREBUFFER_FRAMES, capacity));
    }

    /** Moves audio on the opened line until closed or the device ends. */
    abstract void transfer(L opened) throws DeviceUnavailableException, IOException;

    /** What failed, for the listener ("capture", "playback"). */
    abstract String activity();

    /** The device thread's work: open, then {@link #transfer} until closed or the device ends. */
    final void runDevice() {
        L opened;
        try {
            opened = opener.open();
        } catch (DeviceUnavailableException | RuntimeException e) {
            report(e.getMessage());
            return;
        }
        line = opened;
        if (closed) {
            opened.close();
            return;
        }
        try {
            log.debug("{} {} open: {}", kind, device, opened.format());
            transfer(opened);
        } catch (DeviceUnavailableException | IOException | RuntimeException e) {
            if (!closed) {
                report(activity() + " failed: " + e.getMessage());
            }
        } finally {
            opened.close();
        }
    }

    final boolean closed() {
        return closed;
    }

    final void report(String reason) {
        log.info("{} {} unusable: {}", kind, device, reason);
        failures.failed(direction, device, reason == null ? "unknown error" : reason);
    }

    /**
     * Closes this device and gives the frames it queued but did not move yet to {@code next} (same direction),
     * which moves them first: a switch of device loses no audio beyond what the old device itself held.
     */
    final void handOver(DeviceThread<?> next) {
        close();
        next.buffer.prepend(buffer.drain());
    }

    /** Stops the device thread's work and releases the device; the thread ends. */
    public void close() {
        closed = true;
        L l = line;
        if (l != null) {
            l.close();
        }
    }
}
