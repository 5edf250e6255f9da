package org.cusax.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Mute sends silence in place of the source, which keeps being read so nothing stale is sent on unmute. */
class MutableSourceTest {

    @Test
    void mutedFramesAreSilentAndTheSourceMovesOn() {
        ToneSource tone = new ToneSource(1000, 8000, null);
        ToneSource reference = new ToneSource(1000, 8000, null);
        MutableSource source = new MutableSource(tone);
        short[] frame = Pcm.silentFrame();
        short[] expected = Pcm.silentFrame();

        source.read(frame);
        reference.read(expected);
        assertThat(frame).isEqualTo(expected);

        source.mute(true);
        assertThat(source.isMuted()).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(source.read(frame)).isTrue();
            reference.read(expected);
            assertThat(frame).containsOnly((short) 0);
        }

        source.mute(false);
        source.read(frame);
        reference.read(expected);
        assertThat(frame).as("the tone went on while muted").isEqualTo(expected);
    }

    @Test
    void anExhaustedSourceStaysExhaustedWhenMuted() {
        MutableSource source = new MutableSource(new ToneSource(440, 1000, java.time.Duration.ofMillis(20)));
        source.mute(true);
        short[] frame = Pcm.silentFrame();
        assertThat(source.read(frame)).isTrue();
        assertThat(source.read(frame)).isFalse();
    }
}
