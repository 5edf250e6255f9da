package org.cusax.media.device;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ThreadFactory;

import javax.sound.sampled.AudioInputStream;

import org.cusax.core.audio.AudioDirection;
import org.cusax.media.audio.AudioSource;
import org.cusax.media.audio.Pcm;

/**
 * What the microphone captures, as call frames. A capture thread of its own opens the device, converts its
 * format to 8 kHz mono 16-bit and queues 20 ms frames; {@link #read} (the RTP thread) only takes a queued
 * frame, or silence when none is ready, and never blocks. When the device cannot be opened or stops, the
 * listener is told once and the source goes on with silence.
 */
public final class MicrophoneSource extends DeviceThread<CaptureLine> implements AudioSource {
    MicrophoneSource(String device, LineOpener<CaptureLine> opener, DeviceFailureListener failures, int capacity) {
        super(AudioDirection.INPUT, "microphone", device, opener, failures, capacity);
    }

    /** Starts capturing on a thread from {@code threads}. */
    static MicrophoneSource start(String device, LineOpener<CaptureLine> opener, DeviceFailureListener failures,
                                  ThreadFactory threads) {
        MicrophoneSource source = new MicrophoneSource(device, opener, failures, CAPACITY_FRAMES);
        threads.newThread(source::capture).start();
        return source;
    }

    @Override
    public boolean read(short[] frame) {
        buffer.poll(frame);
        return true;
    }

    /** The capture thread's work: open, then queue frames until closed or the device ends. */
    void capture() {
        runDevice();
    }

    @Override
    void transfer(CaptureLine opened) throws DeviceUnavailableException, IOException {
        byte[] bytes = new byte[Pcm.FRAME_SAMPLES * 2];
        short[] frame = new short[Pcm.FRAME_SAMPLES];
        try (AudioInputStream in = PcmConversion.toCall(new LineInput(opened), opened.format())) {
            while (!closed() && readFully(in, bytes)) {
                PcmConversion.toSamples(bytes, frame);
                buffer.offer(frame);
            }
            if (!closed()) {
                report("the device stopped delivering audio");
            }
        }
    }

    @Override
    String activity() {
        return "capture";
    }

    private static boolean readFully(InputStream in, byte[] bytes) throws IOException {
        int filled = 0;
        while (filled < bytes.length) {
            int n = in.read(bytes, filled, bytes.length - filled);
            if (n < 0) {
                return false;
            }
            filled += n;
        }
        return true;
    }

    /** Frames queued and not yet sent (for tests and diagnostics). */
    int queued() {
        return buffer.size();
    }

    /** A capture line as a stream (what Java Sound's converters read). */
    private static final class LineInput extends InputStream {
        private final CaptureLine line;

        LineInput(CaptureLine line) {
            this.line = line;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return len == 0 ? 0 : line.read(b, off, len);
        }
    }
}
