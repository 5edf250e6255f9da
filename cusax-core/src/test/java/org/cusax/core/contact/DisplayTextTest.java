package org.cusax.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cusax.core.call.CallerClaims;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hostile text from contacts and callers (issue 14 item 4): names, TELs and caller display names reach every
 * front-end on one line and without control characters, and a TEL broken over lines by pretty-printed XML
 * (XEP-0054 NUMBER) is still the same callable number.
 */
class DisplayTextTest {
    private final ContactBook book = new ContactBook(new AddressNormalizer("FR"));

    @Test
    void controlsBecomeVisibleAndLineBreaksSpaces() {
        assertThat(DisplayText.oneLine(" Bob\u001b[2J\u0007\r\nSmith\t\u202Eevil\u0000 ")).isEqualTo("Bob\uFFFD[2J\uFFFD  Smith \uFFFDevil\uFFFD");
        assertThat(DisplayText.oneLine("Zoë 😀 李")).isEqualTo("Zoë 😀 李");
        assertThat(DisplayText.oneLine(null)).isEmpty();
    }

    @Test
    @DisplayName("XEP-0054 TEL with an escape sequence: shown without it, and not callable")
    void telWithEscapeSequenceIsShownInertAndNotCallable() {
        book.putRosterEntry("eve@evil.example", "Eve\u001b]0;pwned\u0007");
        book.setTels("eve@evil.example", TelSource.VCARD_TEMP, List.of(RawTel.of("+33 6\u001b[2J12 34 56 78", "CELL")));
        Contact eve = book.contact("eve@evil.example").orElseThrow();
        assertThat(eve.name()).isEqualTo("Eve\uFFFD]0;pwned\uFFFD");
        assertThat(eve.tels()).singleElement().satisfies(t -> {
            assertThat(t.uri()).isEqualTo("+33 6\uFFFD[2J12 34 56 78");
            assertThat(t.normalized().orElse("")).doesNotContain("\uFFFD", "\u001b");
            assertThat(t.kind()).isEqualTo(AddressKind.UNPARSEABLE);
        });
    }

    @Test
    @DisplayName("XEP-0054 NUMBER over two lines: still the same number")
    void telOverTwoLinesIsStillTheNumber() {
        book.putRosterEntry("bob@cusax.test", "Bob");
        book.setTels("bob@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("+33 6 12\r\n\t34 56 78")));
        assertThat(book.contact("bob@cusax.test").orElseThrow().tels()).singleElement()
                .satisfies(t -> assertThat(t.normalized()).contains("tel:+33612345678"));
    }

    @Test
    @DisplayName("RFC 3261 §20.20: a caller's display name with control characters is one inert line")
    void callerDisplayNameIsOneInertLine() {
        CallerClaims c = new CallerClaims("sip:eve@evil.example", "Eve\r\nVia: x\u001b[31m", List.of(), false,
                List.of(), List.of());
        assertThat(c.fromDisplayName()).isEqualTo("Eve  Via: x\uFFFD[31m");
    }
}
