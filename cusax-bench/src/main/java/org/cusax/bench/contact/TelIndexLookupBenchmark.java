package org.cusax.bench.contact;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.IndexKeys;
import org.cusax.core.contact.TelIndex;
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
 * Cost of finding who is calling: {@link TelIndex#owners(String)} on an incoming INVITE's caller ID, in a
 * contact list of 1,000, 10,000 and 100,000 contacts (issue 5: "tel lookup cost measured in the bench module";
 * issue 13: "caller lookup at 100k numbers" — the 100,000-contact fixture holds over 200,000 numbers).
 * {@link #owners()} is the whole lookup (normalizing the caller ID, then the hash look-ups);
 * {@link #ownersOfNormalizedKeys()} is the hash part alone, so the difference is the normalizer's share.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// A fixed, pre-touched heap: a growing heap (page faults on fresh memory) made the first iterations of the
// 10,000-contact runs several times slower than the rest.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TelIndexLookupBenchmark {
    @Param({"1000", "10000", "100000"})
    int contacts;

    @Param
    CallerIdForm callerId;

    TelIndex index;
    String address;
    IndexKeys keys;

    @Setup
    public void setUp() {
        AddressNormalizer normalizer = ContactFixtures.normalizer();
        index = ContactFixtures.index(ContactFixtures.book(contacts), normalizer);
        address = callerId.address(contacts);
        keys = normalizer.keysFor(address);
    }

    /** The lookup a SIP INVITE triggers: caller ID as presented → owning JIDs. */
    @Benchmark
    public Set<String> owners() {
        return index.owners(address);
    }

    /** The index part only: already-normalized keys → owning JIDs. */
    @Benchmark
    public Set<String> ownersOfNormalizedKeys() {
        return index.ownersOfKeys(keys);
    }
}
