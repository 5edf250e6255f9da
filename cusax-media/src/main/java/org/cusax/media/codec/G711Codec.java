package org.cusax.media.codec;

import org.cusax.media.audio.Pcm;

/** G.711 as an {@link AudioCodec}: PCMU (µ-law, static payload type 0) or PCMA (A-law, 8). Stateless. */
public final class G711Codec implements AudioCodec {
    private final boolean ulaw;

    private G711Codec(boolean ulaw) {
        this.ulaw = ulaw;
    }

    /** µ-law, RTP/AVP payload type 0. */
    public static G711Codec pcmu() {
        return new G711Codec(true);
    }

    /** A-law, RTP/AVP payload type 8. */
    public static G711Codec pcma() {
        return new G711Codec(false);
    }

    @Override
    public String encodingName() {
        return ulaw ? "PCMU" : "PCMA";
    }

    @Override
    public int rtpClockRate() {
        return Pcm.SAMPLE_RATE;
    }

    @Override
    public byte[] encode(short[] frame) {
        Pcm.requireFrame(frame);
        byte[] out = new byte[frame.length];
        for (int i = 0; i < frame.length; i++) {
            out[i] = ulaw ? G711.linearToUlaw(frame[i]) : G711.linearToAlaw(frame[i]);
        }
        return out;
    }

    @Override
    public short[] decode(byte[] payload) throws CodecException {
        if (payload.length == 0) {
            throw new CodecException(encodingName() + " payload is empty");
        }
        short[] out = new short[payload.length];
        for (int i = 0; i < payload.length; i++) {
            out[i] = ulaw ? G711.ulawToLinear(payload[i]) : G711.alawToLinear(payload[i]);
        }
        return out;
    }
}
