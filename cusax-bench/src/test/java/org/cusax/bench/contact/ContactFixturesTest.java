package org.cusax.bench.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.cusax.core.contact.AddressKind;
import org.cusax.core.contact.Contact;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.TelAddress;
import org.junit.jupiter.api.Test;

/** The fixture books hold realistic, parseable, distinct addresses (else the benchmarks measure nothing real). */
class ContactFixturesTest {

    @Test
    void everyAddressOfEveryContactIsUnderstoodAndEachMobileHasOneOwner() {
        ContactBook book = ContactFixtures.book(1000);

        assertThat(book.contacts()).hasSize(1000);
        for (Contact c : book.contacts()) {
            assertThat(c.tels()).extracting(TelAddress::kind).doesNotContain(AddressKind.UNPARSEABLE);
            assertThat(c.tels()).hasSizeGreaterThanOrEqualTo(3);
        }
        assertThat(book.owners("06 12 34 56 79")).containsExactly("user501@cusax.test");
        assertThat(book.owners("+33 1 40 00 00 07")).containsExactly("user7@cusax.test");
        assertThat(book.owners("+33 4 78 00 00 08")).containsExactly("user8@cusax.test");
        assertThat(book.owners("tel:+33972000010")).containsExactly("user10@cusax.test");
    }

    @Test
    void theUpdateBenchmarkReallyMovesTheContactToItsNewMobileAndBack() {
        ContactBookUpdateBenchmark bench = new ContactBookUpdateBenchmark();
        bench.contacts = 1000;
        bench.setUp();

        assertThat(bench.vcardChanged()).isTrue();
        assertThat(bench.book.owners("07 50 00 05 00")).containsExactly("user500@cusax.test");
        assertThat(bench.book.owners(ContactFixtures.KNOWN_E164)).isEmpty();
        assertThat(bench.vcardChanged()).isTrue();
        assertThat(bench.book.owners(ContactFixtures.KNOWN_E164)).containsExactly("user500@cusax.test");
        assertThat(bench.vcardUnchanged()).isTrue();
        assertThat(bench.book.owners(ContactFixtures.KNOWN_E164)).containsExactly("user500@cusax.test");
    }
}
