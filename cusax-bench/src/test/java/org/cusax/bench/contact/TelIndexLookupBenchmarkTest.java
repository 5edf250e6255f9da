package org.cusax.bench.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lookup benchmark's state resolves what it claims to: the known caller to one JID, others to none. */
class TelIndexLookupBenchmarkTest {

    @ParameterizedTest
    @EnumSource(CallerIdForm.class)
    void theIndexOfAThousandContactsResolvesEachCallerIdForm(CallerIdForm form) {
        TelIndexLookupBenchmark bench = new TelIndexLookupBenchmark();
        bench.contacts = 1000;
        bench.callerId = form;
        bench.setUp();

        if (form.known()) {
            assertThat(bench.owners()).containsExactly("user500@cusax.test");
        } else {
            assertThat(bench.owners()).isEmpty();
        }
        assertThat(bench.ownersOfNormalizedKeys()).isEqualTo(bench.owners());
    }

    @ParameterizedTest
    @EnumSource(value = CallerIdForm.class, names = {"SIP_USER_PHONE", "TEL_URI", "SIP_NATIONAL"})
    void everyNumberFormOfTheKnownCallerHasTheSameKeyAsItsVcardMobile(CallerIdForm form) {
        TelIndexLookupBenchmark bench = new TelIndexLookupBenchmark();
        bench.contacts = 1000;
        bench.callerId = form;
        bench.setUp();

        assertThat(bench.keys.keys()).contains("tel:" + ContactFixtures.KNOWN_E164);
    }

    /** Issue 13's "100k numbers": the largest book holds well over 100,000 numbers and finds the one caller. */
    @org.junit.jupiter.api.Test
    void theHundredThousandContactBookHoldsOverAHundredThousandNumbersAndFindsTheCaller() {
        org.cusax.core.contact.ContactBook book = ContactFixtures.book(100_000);

        long numbers = book.contacts().stream().mapToLong(c -> c.tels().size()).sum();
        assertThat(numbers).isGreaterThan(100_000);
        assertThat(book.owners(CallerIdForm.TEL_URI.address(100_000))).containsExactly("user50000@cusax.test");
    }
}
