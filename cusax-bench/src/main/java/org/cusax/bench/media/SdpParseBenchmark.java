package org.cusax.bench.media;

import java.util.concurrent.TimeUnit;

import org.cusax.media.sdp.SdpParseException;
import org.cusax.media.sdp.SdpParser;
import org.cusax.media.sdp.SessionDescription;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of {@link SdpParser#parse(String)} on a typical offer: one audio stream with PCMU, PCMA, Opus and
 * telephone-event, an SDES crypto line and the usual extra attributes (done once per INVITE or re-INVITE).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// A fixed, pre-touched heap: a growing heap (page faults on fresh memory) made the first iterations of the
// 10,000-contact runs several times slower than the rest.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SdpParseBenchmark {
    String offer = TypicalOffer.BARESIP;

    @Benchmark
    public SessionDescription parseOffer() throws SdpParseException {
        return SdpParser.parse(offer);
    }
}
