package org.cusax.bench.contact;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelSource;
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
 * Cost of a vCard update: {@link ContactBook#setTels} of one contact's vcard-temp TELs in a 10,000-contact
 * book (normalizing the TELs, merging the contact's sources, re-indexing its keys).
 * {@link #vcardChanged()} alternates between two TEL lists, so every call moves index keys (a contact
 * changed mobile); {@link #vcardUnchanged()} sets the same list again (a re-fetched, unchanged vCard).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// A fixed, pre-touched heap: a growing heap (page faults on fresh memory) made the first iterations of the
// 10,000-contact runs several times slower than the rest.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ContactBookUpdateBenchmark {
    @Param({"10000"})
    int contacts;

    ContactBook book;
    String jid;
    List<RawTel> original;
    List<RawTel> newMobile;
    private boolean flip;

    @Setup
    public void setUp() {
        book = ContactFixtures.book(contacts);
        int i = ContactFixtures.knownIndex(contacts);
        jid = ContactFixtures.jid(i);
        original = ContactFixtures.vcardTemp(i, contacts);
        newMobile = ContactFixtures.vcardTempNewMobile(i);
    }

    @Benchmark
    public boolean vcardChanged() {
        flip = !flip;
        return book.setTels(jid, TelSource.VCARD_TEMP, flip ? newMobile : original);
    }

    @Benchmark
    public boolean vcardUnchanged() {
        return book.setTels(jid, TelSource.VCARD_TEMP, original);
    }
}
