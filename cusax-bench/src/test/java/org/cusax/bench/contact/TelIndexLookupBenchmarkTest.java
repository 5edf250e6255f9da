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
}
