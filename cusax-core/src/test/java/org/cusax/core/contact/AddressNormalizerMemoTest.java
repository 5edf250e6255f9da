package org.cusax.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each distinct raw address is parsed once (libphonenumber is the cost of indexing), and the memo is bounded. */
class AddressNormalizerMemoTest {
    @Test
    void theSameRawStringIsParsedOnceAndGivesTheSameResult() {
        AddressNormalizer n = new AddressNormalizer("FR");
        NormalizedAddress first = n.normalize("06 12 34 56 78");
        assertThat(n.memoized()).isEqualTo(1);
        assertThat(n.normalize("06 12 34 56 78")).isSameAs(first);
        assertThat(n.keysFor("06 12 34 56 78")).isEqualTo(first.keys());
        assertThat(n.memoized()).isEqualTo(1);
        assertThat(first.normalized()).contains("tel:+33612345678");
        // another spelling of the same number is another string: parsed on its own, same keys
        assertThat(n.normalize("+33 6 12 34 56 78").keys()).isEqualTo(first.keys());
        assertThat(n.memoized()).isEqualTo(2);
        assertThat(n.normalize(null).parseable()).isFalse();
        assertThat(n.normalize("").parseable()).isFalse();
    }

    @Test
    void aFloodOfDistinctStringsCannotGrowTheMemoWithoutEnd() {
        AddressNormalizer n = new AddressNormalizer("FR");
        for (int i = 0; i < AddressNormalizer.MEMO_LIMIT + 10; i++) {
            n.normalize("sip:u" + i + "@example.com");
        }
        assertThat(n.memoized()).isLessThanOrEqualTo(AddressNormalizer.MEMO_LIMIT);
        assertThat(n.normalize("sip:u7@example.com").normalized()).contains("sip:u7@example.com");
    }
}
