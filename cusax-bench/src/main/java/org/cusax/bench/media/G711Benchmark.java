package org.cusax.bench.media;

import java.util.concurrent.TimeUnit;

import org.cusax.media.audio.Pcm;
import org.cusax.media.codec.CodecException;
import org.cusax.media.codec.G711Codec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of G.711 for one 20 ms frame (160 samples of a 1 kHz tone at half scale): {@link G711Codec#encode}
 * and {@link G711Codec#decode}, µ-law (PCMU) and A-law (PCMA). A call does 50 of each per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// A fixed, pre-touched heap: a growing heap (page faults on fresh memory) made the first iterations of the
// 10,000-contact runs several times slower than the rest.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class G711Benchmark {
    @Param({"PCMU", "PCMA"})
    String codecName;

    G711Codec codec;
    short[] frame;
    byte[] payload;

    @Setup
    public void setUp() {
        codec = "PCMU".equals(codecName) ? G711Codec.pcmu() : G711Codec.pcma();
        frame = toneFrame();
        payload = codec.encode(frame);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(frame);
    }

    @Benchmark
    public short[] decode() throws CodecException {
        return codec.decode(payload);
    }

    /** One frame of a 1 kHz sine at half of full scale. */
    static short[] toneFrame() {
        short[] f = new short[Pcm.FRAME_SAMPLES];
        for (int n = 0; n < f.length; n++) {
            f[n] = (short) Math.round(16_000 * Math.sin(2 * Math.PI * 1000 * n / Pcm.SAMPLE_RATE));
        }
        return f;
    }
}
