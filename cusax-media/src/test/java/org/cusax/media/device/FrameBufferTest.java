package org.cusax.media.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cusax.media.audio.Pcm;
import org.junit.jupiter.api.Test;

/** The device/RTP meeting point: prebuffering, underrun → silence, overflow drops the oldest frame. */
class FrameBufferTest {

    private static short[] frame(int value) {
        short[] f = Pcm.silentFrame();
        java.util.Arrays.fill(f, (short) value);
        return f;
    }

    @Test
    void handsOutFramesInOrderOnceThePrebufferIsFull() {
        FrameBuffer buffer = new FrameBuffer(5, 2);
        short[] out = Pcm.silentFrame();
        buffer.offer(frame(1));
        assertThat(buffer.poll(out)).as("one frame is not enough yet").isFalse();
        assertThat(out).containsOnly((short) 0);
        buffer.offer(frame(2));
        assertThat(buffer.poll(out)).isTrue();
        assertThat(out).containsOnly((short) 1);
        assertThat(buffer.poll(out)).isTrue();
        assertThat(out).containsOnly((short) 2);
    }

    @Test
    void anUnderrunGivesSilenceAndGathersAgain() {
        FrameBuffer buffer = new FrameBuffer(5, 2);
        short[] out = Pcm.silentFrame();
        buffer.offer(frame(1));
        buffer.offer(frame(2));
        buffer.poll(out);
        buffer.poll(out);
        assertThat(buffer.poll(out)).isFalse();
        assertThat(out).containsOnly((short) 0);
        assertThat(buffer.underruns()).isEqualTo(1);
        buffer.offer(frame(3));
        assertThat(buffer.poll(out)).as("gathering again after the underrun").isFalse();
        buffer.offer(frame(4));
        assertThat(buffer.poll(out)).isTrue();
        assertThat(out).containsOnly((short) 3);
        assertThat(buffer.underruns()).isEqualTo(1);
    }

    @Test
    void aWriterRunningAheadLosesTheOldestFramesOnly() {
        FrameBuffer buffer = new FrameBuffer(3, 1);
        for (int i = 1; i <= 5; i++) {
            buffer.offer(frame(i));
        }
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.dropped()).isEqualTo(2);
        short[] out = Pcm.silentFrame();
        buffer.poll(out);
        assertThat(out).containsOnly((short) 3);
    }

    @Test
    void framesAreCopiedAndClearForgetsThem() {
        FrameBuffer buffer = new FrameBuffer(3, 1);
        short[] f = frame(7);
        buffer.offer(f);
        f[0] = 99;
        buffer.clear();
        assertThat(buffer.size()).isZero();
        buffer.offer(f);
        short[] out = Pcm.silentFrame();
        buffer.poll(out);
        assertThat(out[0]).isEqualTo((short) 99);
        assertThat(out[1]).isEqualTo((short) 7);
    }

    @Test
    void badSizesAreRefused() {
        assertThatThrownBy(() -> new FrameBuffer(2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameBuffer(3, 1).offer(new short[10])).isInstanceOf(IllegalArgumentException.class);
    }
}
