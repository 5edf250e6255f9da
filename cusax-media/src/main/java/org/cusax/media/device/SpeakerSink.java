package org.cusax.media.device;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ThreadFactory;

import javax.sound.sampled.AudioInputStream;

import org.cusax.core.audio.AudioDirection;
import org.cusax.media.audio.AudioSink;
import org.cusax.media.audio.Pcm;

/**
 * Plays call frames on the speaker. {@link #write} (the RTP thread) only queues the frame and never blocks;
 * a playback thread of its own opens the device and feeds it, paced by the device's own clock, converting
 * 8 kHz mono to the device's format. When nothing is queued (late or lost packets, the far end silent) it
 * plays silence, so the device never starves; when frames pile up the oldest are dropped. When the device
 * cannot be opened or stops, the listener is told once and frames are discarded.
 */
public final class SpeakerSink extends DeviceThread<PlaybackLine> implements AudioSink {
    SpeakerSink(String device, LineOpener<PlaybackLine> opener, DeviceFailureListener failures, int capacity) {
        super(AudioDirection.OUTPUT, "speaker", device, opener, failures, capacity);
    }

    /** Starts playing on a thread from {@code threads}. */
    static SpeakerSink start(String device, LineOpener<PlaybackLine> opener, DeviceFailureListener failures,
                             ThreadFactory threads) {
        SpeakerSink sink = new SpeakerSink(device, opener, failures, CAPACITY_FRAMES);
        threads.newThread(sink::play).start();
        return sink;
    }

    @Override
    public void write(short[] frame) {
        if (!closed()) {
            buffer.offer(frame);
        }
    }

    /** The playback thread's work: open, then play queued frames (or silence) until closed. */
    void play() {
        runDevice();
    }

    @Override
    void transfer(PlaybackLine opened) throws DeviceUnavailableException, IOException {
        try (AudioInputStream out = PcmConversion.fromCall(new QueuedFrames(), opened.format())) {
            int frameBytes = Math.max(1, opened.format().getFrameSize());
            int chunk = Math.max(frameBytes, (int) (opened.format().getFrameRate() * Pcm.FRAME_MILLIS / 1000)
                    * frameBytes);
            byte[] bytes = new byte[chunk];
            while (!closed()) {
                int n = out.read(bytes, 0, bytes.length);
                if (n < 0) {
                    break;
                }
                opened.write(bytes, 0, n);
            }
        }
    }

    @Override
    String activity() {
        return "playback";
    }

    /** How often playback found nothing queued and played silence. */
    long underruns() {
        return buffer.underruns();
    }

    /** The queued frames as an endless call-format stream: a frame when one is ready, silence otherwise. */
    private final class QueuedFrames extends InputStream {
        private final short[] frame = new short[Pcm.FRAME_SAMPLES];
        private final byte[] bytes = new byte[Pcm.FRAME_SAMPLES * 2];
        private int position = bytes.length;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (closed()) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            if (position == bytes.length) {
                buffer.poll(frame);
                PcmConversion.toBytes(frame, bytes);
                position = 0;
            }
            int n = Math.min(len, bytes.length - position);
            System.arraycopy(bytes, position, b, off, n);
            position += n;
            return n;
        }
    }
}
