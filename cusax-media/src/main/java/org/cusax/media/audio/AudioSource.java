package org.cusax.media.audio;

/**
 * Produces audio one 20 ms frame at a time ({@link Pcm#FRAME_SAMPLES} samples of 8 kHz 16-bit mono).
 * Called from one media thread; implementations need not be thread-safe but must never block for long.
 * A source is read in step with the media clock: when an RTP session's tick stalls and skips frames rather
 * than send them late, it still reads those frames and discards them (see
 * {@link org.cusax.media.rtp.RtpSession}), so a file or tone keeps its place in time and a microphone's
 * queue holds no stale audio.
 */
public interface AudioSource extends AutoCloseable {

    /**
     * Fills {@code frame} with the next 20 ms of audio.
     *
     * @return {@code false} once the source is exhausted; the frame is then filled with silence
     */
    boolean read(short[] frame);

    @Override
    default void close() {
    }
}
