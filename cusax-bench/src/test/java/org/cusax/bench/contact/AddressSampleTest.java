package org.cusax.bench.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.cusax.core.contact.NormalizedAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each normalizer benchmark sample is recognised as the kind it stands for. */
class AddressSampleTest {

    @ParameterizedTest
    @EnumSource(AddressSample.class)
    void theSampleNormalizesAsItsKind(AddressSample sample) {
        AddressNormalizerBenchmark bench = new AddressNormalizerBenchmark();
        bench.sample = sample;
        bench.setUp();

        NormalizedAddress n = bench.normalize();

        assertThat(n.kind()).isEqualTo(sample.kind());
        assertThat(n.normalized()).isEqualTo(Optional.ofNullable(sample.normalized()));
    }
}
