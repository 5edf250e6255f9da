package org.cusax.media.codec;

import java.util.Optional;

/**
 * Encodes 20 ms frames of 8 kHz mono PCM into RTP payloads and back. An instance holds per-stream state
 * (Opus does), so use one encoder per sending stream and one decoder per receiving stream.
 */
public interface AudioCodec {

    /** The RTP encoding name as in SDP {@code a=rtpmap} ("PCMU", "PCMA", "opus"). */
    String encodingName();

    /** The RTP clock rate (8000 for G.711, 48000 for Opus whatever the audio rate). */
    int rtpClockRate();

    /** The RTP timestamp advance for one 20 ms frame. */
    default int timestampIncrement() {
        return rtpClockRate() / 50;
    }

    /** Encodes one frame of {@link org.cusax.media.audio.Pcm#FRAME_SAMPLES} samples. */
    byte[] encode(short[] frame);

    /**
     * Decodes one payload into 8 kHz samples (160 for 20 ms; other packet durations give other lengths).
     *
     * @throws CodecException if the payload is not valid for this codec
     */
    short[] decode(byte[] payload) throws CodecException;

    /**
     * {@code samples} 8 kHz samples standing in for a lost packet, from the decoder's own loss concealment; empty
     * when the codec has none (G.711: {@link PitchConcealment} does it).
     */
    default Optional<short[]> conceal(int samples) {
        return Optional.empty();
    }
}
