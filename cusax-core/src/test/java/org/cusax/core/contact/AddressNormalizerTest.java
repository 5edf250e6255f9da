package org.cusax.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Normalization of phone numbers (E.164 with libphonenumber), tel: URIs (RFC 3966 §5.1.4 global,
 * §5.1.5 local, §5.1.1 ext) and SIP URIs (RFC 3261 §19.1.4 canonical form, §19.1.6 user=phone).
 */
class AddressNormalizerTest {
    private final AddressNormalizer fr = new AddressNormalizer("FR");
    private final AddressNormalizer us = new AddressNormalizer("us");

    @ParameterizedTest(name = "[FR] {0} is +33612345678")
    @ValueSource(strings = {
        "06 12 34 56 78", "0612345678", "06.12.34.56.78", "06-12-34-56-78", "+33 6 12 34 56 78", "+33612345678",
        "0033 6 12 34 56 78", "+33 (0)6 12 34 56 78", "tel:+33612345678", "tel:+33-6-12-34-56-78",
        "TEL:+33.6.12.34.56.78", "tel:0612345678", "tel:612345678;phone-context=+33",
        "sip:+33612345678@cusax.test;user=phone", "sips:+33-6-12-34-56-78@cusax.test;user=phone",
        "<sip:+33612345678@gw.example;user=phone>", "\"Bob\" <tel:+33612345678>"
    })
    void everyFormOfOneFrenchMobileHasOneKey(String raw) {
        assertThat(fr.keysFor(raw).keys()).containsExactly("tel:+33612345678");
        assertThat(fr.normalize(raw).normalized()).contains("tel:+33612345678");
    }

    @Test
    void nationalAndE164MatchBothWays() {
        IndexKeys national = fr.keysFor("06 12 34 56 78");
        for (String other : new String[] {"+33 6 12 34 56 78", "tel:+33612345678",
            "sip:+33612345678@cusax.test;user=phone", "sip:0612345678@cusax.test", "sip:+33612345678@cusax.test"}) {
            assertThat(national.matches(fr.keysFor(other))).as(other).isTrue();
            assertThat(fr.keysFor(other).matches(national)).as(other).isTrue();
        }
        assertThat(national.matches(fr.keysFor("06 12 34 56 79"))).isFalse();
    }

    @Test
    void sipUriWithANumberAsUserKeepsItsSipFormAndGetsAPhoneKey() {
        NormalizedAddress n = fr.normalize("sip:0612345678@Cusax.Test:5060;transport=tcp");
        assertThat(n.kind()).isEqualTo(AddressKind.SIP_URI);
        assertThat(n.normalized()).contains("sip:0612345678@cusax.test");
        assertThat(n.keys().keys()).containsExactly("sip:0612345678@cusax.test", "tel:+33612345678");
        // A short numeric user (a PBX extension) is no phone number.
        assertThat(fr.keysFor("sip:1000@pbx.cusax.test").keys()).containsExactly("sip:1000@pbx.cusax.test");
    }

    @Test
    void extensionsAreKeptApartFromTheMainNumber() {
        String withExt = "tel:+33123456789;ext=12";
        assertThat(fr.keysFor("01 23 45 67 89 x12").keys()).containsExactly(withExt);
        assertThat(fr.keysFor("01 23 45 67 89 ext. 12").keys()).containsExactly(withExt);
        assertThat(fr.keysFor("+33 1 23 45 67 89;ext=12").keys()).containsExactly(withExt);
        assertThat(fr.keysFor("tel:+33-1-23-45-67-89;ext=12").keys()).containsExactly(withExt);
        assertThat(fr.keysFor("tel:+33-1-23-45-67-89;ext=1-2").keys()).containsExactly(withExt);
        assertThat(fr.keysFor("sip:+33123456789;ext=12@gw.cusax.test;user=phone").keys()).containsExactly(withExt);
        assertThat(fr.keysFor("01 23 45 67 89").matches(fr.keysFor(withExt))).isFalse();
        assertThat(fr.keysFor("01 23 45 67 89 x13").matches(fr.keysFor(withExt))).isFalse();
    }

    @Test
    void usNumbersReadInRegionUs() {
        assertThat(us.keysFor("(650) 253-0000").keys()).containsExactly("tel:+16502530000");
        assertThat(us.keysFor("650.253.0000 x 42").keys()).containsExactly("tel:+16502530000;ext=42");
        assertThat(us.keysFor("+1 650 253 0000").keys()).containsExactly("tel:+16502530000");
        assertThat(us.keysFor("011 33 6 12 34 56 78").keys()).containsExactly("tel:+33612345678");
        assertThat(us.keysFor("0033 6 12 34 56 78").keys()).containsExactly("tel:+33612345678");
        // The same national digits mean a different number in another region.
        assertThat(fr.keysFor("06 12 34 56 78").matches(us.keysFor("06 12 34 56 78"))).isFalse();
        // A 7-digit local US number cannot be placed without its area code.
        assertThat(us.normalize("253-0000").kind()).isEqualTo(AddressKind.UNPARSEABLE);
    }

    @Test
    void telUriWithGlobalPhoneContextIsPrefixed() {
        // RFC 3966 §5.1.5: the global-number-digits of the context prefix the local number
        assertThat(us.keysFor("tel:253-0000;phone-context=+1-650").keys()).containsExactly("tel:+16502530000");
        assertThat(fr.keysFor("tel:23456789;phone-context=+33-1").keys()).containsExactly("tel:+33123456789");
    }

    @Test
    void localNumberInADomainContextKeepsItsContext() {
        // RFC 3966 §5.1.5: tel:7042;phone-context=example.com
        NormalizedAddress n = fr.normalize("tel:7042;phone-context=Example.COM");
        assertThat(n.kind()).isEqualTo(AddressKind.TEL_URI);
        assertThat(n.normalized()).contains("tel:7042;phone-context=example.com");
        assertThat(fr.normalize("tel:7042").kind()).isEqualTo(AddressKind.UNPARSEABLE);
    }

    @Test
    void sipUriCanonicalForm() {
        NormalizedAddress n = fr.normalize("sip:%61lice@AtLanTa.CoM:5060;Transport=TCP;lr;MADDR=239.255.255.1?subject=x");
        assertThat(n.normalized()).contains("sip:alice@atlanta.com;maddr=239.255.255.1");
        assertThat(fr.normalize("sip:Alice@atlanta.com").normalized()).contains("sip:Alice@atlanta.com");
        assertThat(fr.normalize("sip:alice@atlanta.com:5070").normalized()).contains("sip:alice@atlanta.com:5070");
        assertThat(fr.normalize("sip:alice:secret@atlanta.com").normalized()).contains("sip:alice@atlanta.com");
        assertThat(fr.normalize("bob@Biloxi.com").normalized()).contains("sip:bob@biloxi.com");
        assertThat(fr.normalize("sip:[2001:DB8::1]:5070").normalized()).contains("sip:[2001:db8::1]:5070");
    }

    @Test
    void sipsKeepsItsSchemeButHasTheSameKeyAsSip() {
        NormalizedAddress sips = fr.normalize("sips:bob@biloxi.com:5061");
        assertThat(sips.normalized()).contains("sips:bob@biloxi.com");
        assertThat(sips.keys().keys()).containsExactly("sip:bob@biloxi.com");
        assertThat(sips.keys().matches(fr.keysFor("sip:bob@biloxi.com"))).isTrue();
    }

    @Test
    void userPhoneWithAnImpossibleNumberStaysASipUri() {
        NormalizedAddress n = fr.normalize("sip:4321@pbx.cusax.test;user=phone");
        assertThat(n.normalized()).contains("sip:4321@pbx.cusax.test;user=phone");
        assertThat(n.keys().keys()).containsExactly("sip:4321@pbx.cusax.test;user=phone");
    }

    @ParameterizedTest(name = "garbage: \"{0}\"")
    @ValueSource(strings = {"", "   ", "hello", "12", "4321", "+", "x12", "call me 06 12 34 56 78", "xmpp:alice@cusax.test",
        "mailto:alice@cusax.test", "sip:", "sip:@cusax.test", "sip:alice@", "sip:alice@bad host", "sip:a@b:99999",
        "sip:al%ZZice@cusax.test", "tel:", "tel:abc", "tel:+33612345678;ext=abc", "tel:+", "https://example.com/06"})
    void garbageIsUnparseableAndNeverThrows(String raw) {
        NormalizedAddress n = fr.normalize(raw);
        assertThat(n.kind()).isEqualTo(AddressKind.UNPARSEABLE);
        assertThat(n.normalized()).isEmpty();
        assertThat(n.keys().isEmpty()).isTrue();
    }

    @Test
    void nullIsUnparseable() {
        assertThat(fr.normalize(null).kind()).isEqualTo(AddressKind.UNPARSEABLE);
        assertThat(fr.tel(null, java.util.Set.of(), TelSource.VCARD_TEMP).uri()).isEmpty();
    }

    @Test
    void unknownRegionIsAClearError() {
        assertThatThrownBy(() -> new AddressNormalizer("XX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'XX' is not a known phone region");
        assertThatThrownBy(() -> new AddressNormalizer(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kindsAreReported() {
        assertThat(fr.normalize("06 12 34 56 78").kind()).isEqualTo(AddressKind.PHONE_NUMBER);
        assertThat(fr.normalize("tel:+33612345678").kind()).isEqualTo(AddressKind.TEL_URI);
        assertThat(fr.normalize("sip:+33612345678@cusax.test;user=phone").kind()).isEqualTo(AddressKind.SIP_URI);
        assertThat(fr.normalize("sips:alice@cusax.test").kind()).isEqualTo(AddressKind.SIP_URI);
    }

    @ParameterizedTest(name = "normalizing twice changes nothing: {0}")
    @ValueSource(strings = {"06 12 34 56 78", "01 23 45 67 89 x12", "tel:7042;ext=1;phone-context=example.com",
        "sips:Bob@Biloxi.com:5061;maddr=10.0.0.1;transport=tls", "sip:0612345678@cusax.test",
        "sip:4321@pbx.cusax.test;user=phone", "sip:[2001:db8::1]:5070", "sip:bob%3Bx@biloxi.com"})
    void normalizationIsIdempotent(String raw) {
        NormalizedAddress once = fr.normalize(raw);
        NormalizedAddress twice = fr.normalize(once.normalized().orElseThrow());
        assertThat(twice.normalized()).isEqualTo(once.normalized());
        assertThat(twice.keys()).isEqualTo(once.keys());
    }

    @Test
    void randomInputNeverThrowsAndKeepsTheInvariants() {
        String alphabet = "sip:tel:+0123456789;@%<>\"=.-() xextphone-context[]?&/#*ABCabc\u00e9";
        java.util.Random random = new java.util.Random(3261);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder(i % 3 == 0 ? "sip:" : i % 3 == 1 ? "tel:" : "");
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            NormalizedAddress n = fr.normalize(b.toString());
            assertThat(n.parseable()).as(b.toString()).isEqualTo(n.normalized().isPresent());
            assertThat(n.parseable()).as(b.toString()).isEqualTo(!n.keys().isEmpty());
        }
    }
}
