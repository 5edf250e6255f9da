package org.cusax.media.codec;

/**
 * ITU-T G.711 companding between 16-bit linear PCM and 8-bit µ-law or A-law, the classic segment
 * algorithm (µ-law with bias 0x84 and clip 32635; A-law on the 13-bit magnitude with even-bit inversion).
 * Decoding uses 256-entry tables; encoding is computed.
 */
public final class G711 {
    private static final int ULAW_BIAS = 0x84;
    private static final int ULAW_CLIP = 32635;
    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_TO_LINEAR[i] = ulawDecode(i);
            ALAW_TO_LINEAR[i] = alawDecode(i);
        }
    }

    private G711() {
    }

    /** One linear sample to µ-law. */
    public static byte linearToUlaw(short sample) {
        int value = sample;
        int sign = 0;
        if (value < 0) {
            sign = 0x80;
            value = -value;
        }
        if (value > ULAW_CLIP) {
            value = ULAW_CLIP;
        }
        value += ULAW_BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (value & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (value >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    /** One µ-law byte to linear. */
    public static short ulawToLinear(byte ulaw) {
        return ULAW_TO_LINEAR[ulaw & 0xFF];
    }

    /** One linear sample to A-law. */
    public static byte linearToAlaw(short sample) {
        int value = sample >> 3;
        int mask;
        if (value >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            value = -value - 1;
        }
        int segment = 0;
        for (int end = 0x1F; segment < 8 && value > end; end = (end << 1) | 1) {
            segment++;
        }
        if (segment >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int alaw = segment << 4;
        alaw |= segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return (byte) (alaw ^ mask);
    }

    /** One A-law byte to linear. */
    public static short alawToLinear(byte alaw) {
        return ALAW_TO_LINEAR[alaw & 0xFF];
    }

    private static short ulawDecode(int code) {
        int u = ~code & 0xFF;
        int exponent = (u >> 4) & 0x07;
        int magnitude = (((u & 0x0F) << 3) + ULAW_BIAS) << exponent;
        magnitude -= ULAW_BIAS;
        return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
    }

    private static short alawDecode(int code) {
        int a = code ^ 0x55;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        if (segment == 0) {
            t += 8;
        } else {
            t += 0x108;
            t <<= segment - 1;
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }
}
