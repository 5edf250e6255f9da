package org.cusax.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The contact kinds issue 3 must show, built from raw strings as the XMPP adapter hands them over:
 * vcard-temp TELs (XEP-0054), vCard4 tel (XEP-0292, RFC 6350 §6.4.1), reachability addresses (XEP-0152
 * §3 presence, §4 PEP). Each yields exactly the expected tels and Call action.
 */
class ContactBookTest {
    private final ContactBook book = new ContactBook(new AddressNormalizer("FR"));

    private Contact contact(String jid) {
        return book.contact(jid).orElseThrow();
    }

    @Test
    void contactWithNoTelHasNoCallAction() {
        book.putRosterEntry("nobody@cusax.test", "No Body");
        assertThat(contact("nobody@cusax.test").tels()).isEmpty();
        assertThat(contact("nobody@cusax.test").callable()).isFalse();
    }

    @Test
    void oneTelInNationalFormat() {
        book.putRosterEntry("bob@cusax.test", "Bob");
        book.setTels("bob@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("06 12 34 56 78", "CELL", "VOICE")));
        Contact bob = contact("bob@cusax.test");
        assertThat(bob.tels()).extracting(TelAddress::uri, TelAddress::normalized, TelAddress::label, TelAddress::source)
                .containsExactly(tuple("06 12 34 56 78", java.util.Optional.of("tel:+33612345678"), TelLabel.MOBILE,
                        TelSource.VCARD_TEMP));
        assertThat(bob.callable()).isTrue();
        assertThat(book.owners("sip:+33612345678@cusax.test;user=phone")).containsExactly("bob@cusax.test");
    }

    @Test
    void severalTelsOfDifferentTypes() {
        book.putRosterEntry("carol@cusax.test", "Carol");
        book.setTels("carol@cusax.test", TelSource.VCARD_TEMP, List.of(
                RawTel.of("01 23 45 67 89", "WORK", "VOICE"),
                RawTel.of("04 72 00 00 00", "HOME", "VOICE"),
                RawTel.of("06 12 34 56 78", "CELL"),
                RawTel.of("sip:carol-room@cusax.test", "VIDEO"),
                RawTel.of("01 23 45 67 90", "WORK", "FAX")));
        Contact carol = contact("carol@cusax.test");
        assertThat(carol.tels()).extracting(TelAddress::label).containsExactly(
                TelLabel.WORK, TelLabel.HOME, TelLabel.MOBILE, TelLabel.VIDEO, TelLabel.FAX);
        assertThat(carol.callableTels()).extracting(t -> t.normalized().orElseThrow()).containsExactly(
                "tel:+33123456789", "tel:+33472000000", "tel:+33612345678", "sip:carol-room@cusax.test");
    }

    @Test
    void sipUri() {
        book.putRosterEntry("dave@cusax.test", "Dave");
        book.setTels("dave@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("sip:Dave@SIP.Cusax.Test", "WORK")));
        TelAddress tel = contact("dave@cusax.test").tels().get(0);
        assertThat(tel.kind()).isEqualTo(AddressKind.SIP_URI);
        assertThat(tel.normalized()).contains("sip:Dave@sip.cusax.test");
        assertThat(tel.callable()).isTrue();
    }

    @Test
    void telUriWithExtension() {
        book.putRosterEntry("erin@cusax.test", "Erin");
        book.setTels("erin@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("tel:+33-1-23-45-67-89;ext=42", "WORK")));
        TelAddress tel = contact("erin@cusax.test").tels().get(0);
        assertThat(tel.kind()).isEqualTo(AddressKind.TEL_URI);
        assertThat(tel.uri()).isEqualTo("tel:+33-1-23-45-67-89;ext=42");
        assertThat(tel.normalized()).contains("tel:+33123456789;ext=42");
        assertThat(book.owners("+33 1 23 45 67 89")).isEmpty();
        assertThat(book.owners("01 23 45 67 89 ext. 42")).containsExactly("erin@cusax.test");
    }

    @Test
    void vcard4OnlyContact() {
        book.putRosterEntry("frank@cusax.test", "Frank");
        book.setTels("frank@cusax.test", TelSource.VCARD4, List.of(RawTel.of("tel:+33-6-98-76-54-32", "cell", "voice")));
        assertThat(contact("frank@cusax.test").tels()).extracting(TelAddress::source, TelAddress::label)
                .containsExactly(tuple(TelSource.VCARD4, TelLabel.MOBILE));
        assertThat(contact("frank@cusax.test").callable()).isTrue();
    }

    @Test
    void reachabilityOnlyContact() {
        book.putRosterEntry("grace@cusax.test", "Grace");
        book.setTels("grace@cusax.test", TelSource.REACH_PRESENCE, List.of(RawTel.of("sip:grace@cusax.test")));
        book.setTels("grace@cusax.test", TelSource.REACH_PEP, List.of(RawTel.of("tel:+33612340000")));
        assertThat(contact("grace@cusax.test").tels())
                .extracting(TelAddress::source, t -> t.normalized().orElseThrow(), TelAddress::label)
                .containsExactly(tuple(TelSource.REACH_PRESENCE, "sip:grace@cusax.test", TelLabel.OTHER),
                        tuple(TelSource.REACH_PEP, "tel:+33612340000", TelLabel.OTHER));
        assertThat(contact("grace@cusax.test").callable()).isTrue();
        // A presence without reachability element clears that source only.
        book.setTels("grace@cusax.test", TelSource.REACH_PRESENCE, List.of());
        assertThat(contact("grace@cusax.test").tels()).extracting(TelAddress::source).containsExactly(TelSource.REACH_PEP);
        assertThat(book.owners("sip:grace@cusax.test")).isEmpty();
    }

    @Test
    void faxOnlyContactHasATelButNoCallAction() {
        book.putRosterEntry("hank@cusax.test", "Hank");
        book.setTels("hank@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("01 23 45 67 90", "WORK", "FAX")));
        Contact hank = contact("hank@cusax.test");
        assertThat(hank.tels()).extracting(TelAddress::label, TelAddress::callable).containsExactly(tuple(TelLabel.FAX, false));
        assertThat(hank.callable()).isFalse();
        assertThat(hank.callableTels()).isEmpty();
        assertThat(book.owners("+33123456790")).as("a fax number still identifies its owner").containsExactly("hank@cusax.test");
    }

    @Test
    void unparseableTelIsKeptButNotCallable() {
        book.putRosterEntry("ivy@cusax.test", "Ivy");
        book.setTels("ivy@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("ask the front desk", "WORK")));
        TelAddress tel = contact("ivy@cusax.test").tels().get(0);
        assertThat(tel.uri()).isEqualTo("ask the front desk");
        assertThat(tel.normalized()).isEmpty();
        assertThat(contact("ivy@cusax.test").callable()).isFalse();
    }

    @Test
    void theRosterDecidesWhoIsAContact() {
        assertThat(book.setTels("stranger@cusax.test", TelSource.REACH_PRESENCE, List.of(RawTel.of("tel:+33612345678"))))
                .isFalse();
        assertThat(book.setPresence("stranger@cusax.test", Presence.of(Availability.AVAILABLE))).isFalse();
        assertThat(book.contacts()).isEmpty();
        assertThat(book.owners("tel:+33612345678")).isEmpty();

        book.putRosterEntry("Bob@Cusax.Test", "Bob");
        book.setTels("bob@cusax.test/phone", TelSource.VCARD_TEMP, List.of(RawTel.of("06 12 34 56 78", "CELL")));
        book.setPresence("bob@cusax.test", new Presence(Availability.AWAY, " at lunch "));
        book.putRosterEntry("bob@cusax.test", "Robert");
        Contact bob = contact("BOB@cusax.test");
        assertThat(bob.name()).isEqualTo("Robert");
        assertThat(bob.presence()).isEqualTo(new Presence(Availability.AWAY, "at lunch"));
        assertThat(bob.tels()).hasSize(1);

        book.removeRosterEntry("bob@cusax.test");
        assertThat(book.contact("bob@cusax.test")).isEmpty();
        assertThat(book.owners("06 12 34 56 78")).isEmpty();
    }
}
