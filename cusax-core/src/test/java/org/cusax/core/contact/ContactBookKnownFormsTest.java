package org.cusax.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Tels given with the forms a normalizer made of them before (the contact cache's warm start, issue 13):
 * used without parsing only under the same rules (default region, rules' and libphonenumber's versions) and
 * one for one.
 */
class ContactBookKnownFormsTest {
    private static final List<RawTel> BOB = List.of(RawTel.of("06 12 34 56 78", "CELL"), RawTel.of("sip:bob@x.org"));

    private static List<NormalizedAddress> formsIn(String region) {
        AddressNormalizer n = new AddressNormalizer(region);
        return BOB.stream().map(t -> n.normalize(t.address())).toList();
    }

    private static ContactBook bookIn(String region) {
        ContactBook book = new ContactBook(new AddressNormalizer(region));
        book.putRosterEntry("bob@x.org", "Bob");
        return book;
    }

    @Test
    void formsMadeUnderTheSameRulesAreUsedWithoutParsingAndIndexed() {
        ContactBook book = bookIn("FR");
        assertThat(book.setTels("bob@x.org", TelSource.VCARD_TEMP, BOB, AddressNormalizer.rules("FR"), formsIn("FR")))
                .isTrue();
        assertThat(book.normalizer().parses()).isZero();
        assertThat(book.contact("bob@x.org").orElseThrow().tels()).extracting(t -> t.normalized().orElse("?"))
                .containsExactly("tel:+33612345678", "sip:bob@x.org");
        assertThat(book.owners("tel:+33612345678")).containsExactly("bob@x.org");
        assertThat(book.owners("sip:bob@x.org")).containsExactly("bob@x.org");
    }

    @Test
    void formsMadeUnderOtherRulesOrNotOneForOneAreNormalizedAgain() {
        ContactBook us = bookIn("US");
        us.setTels("bob@x.org", TelSource.VCARD_TEMP, BOB, AddressNormalizer.rules("FR"), formsIn("FR"));
        assertThat(us.normalizer().parses()).isEqualTo(2);
        assertThat(us.owners("tel:+33612345678")).isEmpty(); // a national FR number means something else in the US

        ContactBook fr = bookIn("FR");
        fr.setTels("bob@x.org", TelSource.VCARD_TEMP, BOB, AddressNormalizer.rules("FR"), formsIn("FR").subList(0, 1));
        assertThat(fr.normalizer().parses()).isEqualTo(2);
        assertThat(fr.owners("tel:+33612345678")).containsExactly("bob@x.org");

        assertThat(AddressNormalizer.rules("fr")).isEqualTo(new AddressNormalizer("FR").rules())
                .isNotEqualTo(new AddressNormalizer("US").rules())
                .startsWith("FR;" + AddressNormalizer.RULES_VERSION + ";libphonenumber-")
                .doesNotEndWith("unknown"); // the library's version is read, so an upgrade invalidates cached forms
    }

    @Test
    void aContactOutsideTheRosterIsIgnored() {
        ContactBook book = bookIn("FR");
        assertThat(book.setTels("eve@x.org", TelSource.VCARD_TEMP, BOB, AddressNormalizer.rules("FR"), formsIn("FR")))
                .isFalse();
        assertThat(book.owners("tel:+33612345678")).isEmpty();
    }
}
