package org.cusax.media.codec;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.util.Arrays;
import java.util.Optional;
import org.cusax.media.audio.Pcm;

/**
 * Opus (RFC 6716, RTP payload RFC 7587) through Concentus. The encoder and decoder run at 8 kHz mono,
 * which Opus supports natively; the RTP clock is 48 kHz as RFC 7587 requires, and the decoder accepts
 * any Opus stream (stereo, full band) the peer sends, folding it to 8 kHz mono.
 */
public final class OpusCodec implements AudioCodec {
    /** Largest Opus packet (RFC 6716 §3.4). */
    private static final int MAX_PACKET = 1275;
    /** Longest Opus packet duration, 120 ms, in 8 kHz samples. */
    private static final int MAX_SAMPLES = Pcm.SAMPLE_RATE * 120 / 1000;

    private final OpusEncoder encoder;
    private final OpusDecoder decoder;
    private final byte[] packet = new byte[MAX_PACKET];
    private final short[] decoded = new short[MAX_SAMPLES];

    /** A new encoder/decoder pair (voice mode, 24 kbit/s). */
    public OpusCodec() throws CodecException {
        try {
            encoder = new OpusEncoder(Pcm.SAMPLE_RATE, 1, OpusApplication.OPUS_APPLICATION_VOIP);
            encoder.setBitrate(24_000);
            decoder = new OpusDecoder(Pcm.SAMPLE_RATE, 1);
        } catch (OpusException e) {
            throw new CodecException("cannot set up Opus: " + e.getMessage(), e);
        }
    }

    @Override
    public String encodingName() {
        return "opus";
    }

    @Override
    public int rtpClockRate() {
        return 48_000;
    }

    @Override
    public byte[] encode(short[] frame) {
        Pcm.requireFrame(frame);
        try {
            int n = encoder.encode(frame, 0, frame.length, packet, 0, packet.length);
            return Arrays.copyOf(packet, n);
        } catch (OpusException e) {
            throw new IllegalStateException("Opus encoder failed on a valid frame: " + e.getMessage(), e);
        }
    }

    /** Opus's own concealment (RFC 6716 §4.4): the decoder extrapolates from its state, fading on its own. */
    @Override
    public Optional<short[]> conceal(int samples) {
        try {
            int n = decoder.decode(null, 0, 0, decoded, 0, Math.min(samples, MAX_SAMPLES), false);
            return Optional.of(Arrays.copyOf(decoded, n));
        } catch (OpusException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public short[] decode(byte[] payload) throws CodecException {
        if (payload.length == 0 || payload.length > MAX_PACKET) {
            throw new CodecException("Opus payload of " + payload.length + " bytes");
        }
        try {
            int n = decoder.decode(payload, 0, payload.length, decoded, 0, MAX_SAMPLES, false);
            return Arrays.copyOf(decoded, n);
        } catch (OpusException | RuntimeException e) {
            throw new CodecException("invalid Opus packet: " + e.getMessage(), e);
        }
    }
}
