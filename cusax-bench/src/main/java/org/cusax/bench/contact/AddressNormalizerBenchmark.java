package org.cusax.bench.contact;

import java.util.concurrent.TimeUnit;

import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.NormalizedAddress;
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
 * Cost of {@link AddressNormalizer#normalize(String)} (region FR) for each kind of address: numbers go
 * through libphonenumber, SIP URIs through the SIP URI parser, the unparseable one is rejected early.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// A fixed, pre-touched heap: a growing heap (page faults on fresh memory) made the first iterations of the
// 10,000-contact runs several times slower than the rest.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AddressNormalizerBenchmark {
    @Param
    AddressSample sample;

    AddressNormalizer normalizer;
    String raw;

    @Setup
    public void setUp() {
        normalizer = ContactFixtures.normalizer();
        raw = sample.raw();
    }

    @Benchmark
    public NormalizedAddress normalize() {
        return normalizer.normalize(raw);
    }
}
