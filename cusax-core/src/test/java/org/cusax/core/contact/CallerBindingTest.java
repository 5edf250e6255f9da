package org.cusax.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cusax.core.call.CallerClaims;
import org.cusax.core.call.CallerIdentity;
import org.cusax.core.call.MatchedBy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RFC 7081 §5 / RFC 6993 (Call-Info purpose=impp), draft-ivov-xmpp-cusax-02 §5 (xmpp: in Contact) and
 * RFC 3325 (P-Asserted-Identity from a trusted proxy only): binding an incoming call to a roster contact.
 */
class CallerBindingTest {
    private final ContactBook book = new ContactBook(new AddressNormalizer("FR"));
    private final CallerBinding binding = new CallerBinding(book);

    @BeforeEach
    void contacts() {
        book.putRosterEntry("bob@cusax.test", "Bob");
        book.setTels("bob@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("06 12 34 56 78", "CELL")));
        book.putRosterEntry("carol@cusax.test", "Carol");
        book.setTels("carol@cusax.test", TelSource.REACH_PRESENCE, List.of(RawTel.of("sip:carol@cusax.test")));
        book.putRosterEntry("dave@cusax.test", "Dave");
        book.setTels("dave@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("01 23 45 67 89", "WORK")));
        book.putRosterEntry("erin@cusax.test", "Erin");
        book.setTels("erin@cusax.test", TelSource.VCARD4, List.of(RawTel.of("+33 1 23 45 67 89", "HOME")));
    }

    private static CallerClaims claims(String from, List<String> callInfo) {
        return new CallerClaims(from, "", List.of(), false, callInfo, List.of());
    }

    @Test
    @DisplayName("RFC 6993: Call-Info naming the contact who owns the calling SIP URI binds by call-info")
    void callInfoOfTheOwnerBinds() {
        CallerIdentity id = binding.bind(claims("sip:carol@cusax.test", List.of("xmpp:carol@cusax.test")));
        assertThat(id.contact()).hasValueSatisfying(c -> {
            assertThat(c.jid()).isEqualTo("carol@cusax.test");
            assertThat(c.name()).isEqualTo("Carol");
            assertThat(c.matchedBy()).isEqualTo(MatchedBy.CALL_INFO);
        });
        assertThat(id.callInfoIgnored()).isEmpty();
        assertThat(id.candidates()).isEmpty();
    }

    @Test
    @DisplayName("RFC 7081 §5: a Call-Info naming a contact who does not own the calling number is ignored, with the reason")
    void forgedCallInfoIsIgnored() {
        CallerIdentity id = binding.bind(claims("sip:+33612345678@cusax.test;user=phone",
                List.of("xmpp:carol@cusax.test")));
        assertThat(id.contact()).hasValueSatisfying(c -> {
            assertThat(c.jid()).isEqualTo("bob@cusax.test");
            assertThat(c.matchedBy()).isEqualTo(MatchedBy.TEL);
        });
        assertThat(id.callInfoIgnored()).hasValueSatisfying(r -> assertThat(r)
                .contains("carol@cusax.test").contains("not one of that contact's addresses"));
    }

    @Test
    @DisplayName("RFC 7081 §5: a Call-Info naming someone outside the roster is ignored")
    void callInfoOfAStrangerIsIgnored() {
        CallerIdentity id = binding.bind(claims("sip:mallory@evil.test", List.of("xmpp:mallory@evil.test")));
        assertThat(id.contact()).isEmpty();
        assertThat(id.callInfoIgnored()).hasValueSatisfying(r -> assertThat(r).contains("not in the contact list"));
    }

    @Test
    @DisplayName("RFC 5122: a Call-Info that is no valid xmpp: URI is ignored")
    void malformedCallInfoIsIgnored() {
        CallerIdentity id = binding.bind(claims("sip:carol@cusax.test", List.of("xmpp:")));
        assertThat(id.contact()).hasValueSatisfying(c -> assertThat(c.matchedBy()).isEqualTo(MatchedBy.TEL));
        assertThat(id.callInfoIgnored()).hasValueSatisfying(r -> assertThat(r).contains("not an xmpp: URI"));
    }

    @Test
    @DisplayName("draft-ivov-xmpp-cusax-02 §5: an xmpp: URI in Contact binds like Call-Info")
    void contactXmppUriBinds() {
        CallerIdentity id = binding.bind(new CallerClaims("sip:carol@cusax.test", "", List.of(), false, List.of(),
                List.of("xmpp:Carol@cusax.test/phone")));
        assertThat(id.contact()).hasValueSatisfying(c -> {
            assertThat(c.jid()).isEqualTo("carol@cusax.test");
            assertThat(c.matchedBy()).isEqualTo(MatchedBy.CALL_INFO);
        });
    }

    @Test
    @DisplayName("RFC 7081 §5: with no claim, the E.164 number presented is found in a national-format vCard")
    void e164CallerMatchesNationalVcard() {
        CallerIdentity id = binding.bind(CallerClaims.fromOnly("sip:+33612345678@cusax.test;user=phone"));
        assertThat(id.contact()).hasValueSatisfying(c -> {
            assertThat(c.jid()).isEqualTo("bob@cusax.test");
            assertThat(c.matchedBy()).isEqualTo(MatchedBy.TEL);
        });
        assertThat(id.display()).isEqualTo("06 12 34 56 78");
    }

    @Test
    @DisplayName("two contacts own the number: not bound, both are candidates")
    void sharedNumberIsNotBound() {
        CallerIdentity id = binding.bind(CallerClaims.fromOnly("tel:+33123456789"));
        assertThat(id.contact()).isEmpty();
        assertThat(id.candidates()).containsExactly("dave@cusax.test", "erin@cusax.test");
    }

    @Test
    @DisplayName("two contacts own the number, but a Call-Info names one of them: bound by call-info")
    void callInfoDisambiguatesASharedNumber() {
        CallerIdentity id = binding.bind(claims("tel:+33123456789", List.of("xmpp:erin@cusax.test")));
        assertThat(id.contact()).hasValueSatisfying(c -> {
            assertThat(c.jid()).isEqualTo("erin@cusax.test");
            assertThat(c.matchedBy()).isEqualTo(MatchedBy.CALL_INFO);
        });
        assertThat(id.candidates()).isEmpty();
    }

    @Test
    @DisplayName("no contact owns the number: unbound, number formatted nationally (same region) or internationally")
    void unknownNumberIsFormatted() {
        CallerIdentity home = binding.bind(CallerClaims.fromOnly("sip:+33987654321@cusax.test;user=phone"));
        assertThat(home.contact()).isEmpty();
        assertThat(home.candidates()).isEmpty();
        assertThat(home.display()).isEqualTo("09 87 65 43 21");
        CallerIdentity abroad = binding.bind(CallerClaims.fromOnly("tel:+12025550143"));
        assertThat(abroad.display()).isEqualTo("+1 202-555-0143");
    }

    @Test
    @DisplayName("RFC 3325 §5: P-Asserted-Identity from the trusted proxy is the calling address")
    void trustedPaiIsUsed() {
        CallerIdentity id = binding.bind(new CallerClaims("sip:anonymous@anonymous.invalid", "", List.of(
                "sip:+33612345678@cusax.test;user=phone"), true, List.of(), List.of()));
        assertThat(id.from()).isEqualTo("sip:+33612345678@cusax.test;user=phone");
        assertThat(id.contact()).hasValueSatisfying(c -> assertThat(c.jid()).isEqualTo("bob@cusax.test"));
    }

    @Test
    @DisplayName("RFC 3325 §5: P-Asserted-Identity from anyone else is ignored; From counts")
    void untrustedPaiIsIgnored() {
        CallerIdentity id = binding.bind(new CallerClaims("sip:carol@cusax.test", "", List.of(
                "sip:+33612345678@cusax.test;user=phone"), false, List.of(), List.of()));
        assertThat(id.from()).isEqualTo("sip:carol@cusax.test");
        assertThat(id.contact()).hasValueSatisfying(c -> assertThat(c.jid()).isEqualTo("carol@cusax.test"));
    }

    @Test
    @DisplayName("RFC 3325 §5: a Call-Info is checked against the trusted asserted identity, not against From")
    void callInfoIsCheckedAgainstTrustedPai() {
        CallerIdentity id = binding.bind(new CallerClaims("sip:carol@cusax.test", "", List.of(
                "tel:+33612345678"), true, List.of("xmpp:carol@cusax.test"), List.of()));
        assertThat(id.contact()).hasValueSatisfying(c -> {
            assertThat(c.jid()).isEqualTo("bob@cusax.test");
            assertThat(c.matchedBy()).isEqualTo(MatchedBy.TEL);
        });
        assertThat(id.callInfoIgnored()).isPresent();
    }

    @Test
    @DisplayName("RFC 5122: the JID of an xmpp: URI drops authority, query and fragment and decodes escapes")
    void jidOfXmppUri() {
        assertThat(CallerBinding.jidOf("xmpp:bob@cusax.test?message")).isEqualTo("bob@cusax.test");
        assertThat(CallerBinding.jidOf("xmpp://me@here.test/bob@cusax.test")).isEqualTo("bob@cusax.test");
        assertThat(CallerBinding.jidOf("xmpp:b%6Fb@cusax.test#x")).isEqualTo("bob@cusax.test");
    }
}
