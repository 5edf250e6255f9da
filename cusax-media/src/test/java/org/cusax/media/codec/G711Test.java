package org.cusax.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ITU-T G.711 µ-law and A-law: table values, code idempotence and quantisation error bounds. */
class G711Test {

    @Test
    void ulawKnownValues() {
        assertThat(G711.linearToUlaw((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(G711.linearToUlaw((short) -1)).isEqualTo((byte) 0x7F);
        assertThat(G711.linearToUlaw(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(G711.linearToUlaw(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        assertThat(G711.ulawToLinear((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.ulawToLinear((byte) 0xEF)).isEqualTo((short) 132);
        assertThat(G711.ulawToLinear((byte) 0x90)).isEqualTo((short) 15996);
        assertThat(G711.ulawToLinear((byte) 0x9F)).isEqualTo((short) 8316);
    }

    @Test
    void alawKnownValues() {
        assertThat(G711.linearToAlaw((short) 0)).isEqualTo((byte) 0xD5);
        assertThat(G711.linearToAlaw((short) -1)).isEqualTo((byte) 0x55);
        assertThat(G711.linearToAlaw(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
        assertThat(G711.linearToAlaw(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
        assertThat(G711.alawToLinear((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.alawToLinear((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.alawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711.alawToLinear((byte) 0x2A)).isEqualTo((short) -32256);
    }

    @Test
    void everyCodeDecodesToAValueThatEncodesBackToIt() {
        for (int code = 0; code < 256; code++) {
            assertThat(G711.linearToAlaw(G711.alawToLinear((byte) code))).as("A-law %02x", code).isEqualTo((byte) code);
            if (code != 0x7F) {
                assertThat(G711.linearToUlaw(G711.ulawToLinear((byte) code))).as("µ-law %02x", code)
                        .isEqualTo((byte) code);
            }
        }
    }

    @Test
    void roundTripErrorIsWithinHalfAQuantisationStep() {
        for (int x = -32124; x <= 32124; x++) {
            short s = (short) x;
            int ulawError = Math.abs(x - G711.ulawToLinear(G711.linearToUlaw(s)));
            int alawError = Math.abs(x - G711.alawToLinear(G711.linearToAlaw(s)));
            int bound = Math.abs(x) / 32 + 8;
            assertThat(ulawError).as("µ-law error at %d", x).isLessThanOrEqualTo(bound);
            assertThat(alawError).as("A-law error at %d", x).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    void decodingIsMonotonic() {
        short previousU = Short.MIN_VALUE;
        short previousA = Short.MIN_VALUE;
        for (int x = -32768; x <= 32767; x += 7) {
            short u = G711.ulawToLinear(G711.linearToUlaw((short) x));
            short a = G711.alawToLinear(G711.linearToAlaw((short) x));
            assertThat(u).isGreaterThanOrEqualTo(previousU);
            assertThat(a).isGreaterThanOrEqualTo(previousA);
            previousU = u;
            previousA = a;
        }
    }
}
