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

    @Test
    @DisplayName("Trojan Source (CVE-2021-42574, Unicode UAX #9 §2.1-2.4): bidi embeddings, overrides and isolates in a chat body are neutralised")
    void bidiControlsInAChatBodyAreNeutralised() {
        String body = "pay \u202Eevil\u202C \u202A\u202B\u202D \u2066\u2067\u2068x\u2069";
        assertThat(DisplayText.multiLine(body)).isEqualTo("pay \uFFFDevil\uFFFD \uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFDx\uFFFD");
        // the marks LRM/RLM are no overrides: they stay, as do scripts written right to left
        assertThat(DisplayText.multiLine("\u200F\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627"))
                .isEqualTo("\u200F\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627");
    }

    @Test
    @DisplayName("ISO/IEC 6429 C1 controls (U+0080-U+009F, e.g. the 8-bit CSI U+009B) and C0/DEL in a chat body are neutralised")
    void c1AndC0ControlsInAChatBodyAreNeutralised() {
        assertThat(DisplayText.multiLine("a\u009B2Jb\u0085c\u0080\u009F\u007F\u001b[31m\u0007"))
                .isEqualTo("a\uFFFD2Jb\uFFFDc\uFFFD\uFFFD\uFFFD\uFFFD[31m\uFFFD");
        assertThat(DisplayText.multiLine("\u000B\f")).isEqualTo("\uFFFD\uFFFD");
    }

    @Test
    @DisplayName("a chat body keeps its lines and tabs; a CR cannot return over what its line showed (RFC 6120 carries CR, LF and TAB)")
    void aChatBodyKeepsItsLinesAndTabs() {
        assertThat(DisplayText.multiLine("one\r\ntwo\rthree\n\tfour ")).isEqualTo("one\ntwo\nthree\n\tfour ");
        assertThat(DisplayText.multiLine("Zoë 😀 李 \"<b>\"")).isEqualTo("Zoë 😀 李 \"<b>\"");
        assertThat(DisplayText.multiLine(null)).isEmpty();
    }

    @Test
    void theMessageKeepsItsBodyOnlyItsDisplayFormIsNeutralised() {
        String raw = "hi\u202Etxt.exe\u009B";
        org.cusax.core.chat.ChatMessage m = new org.cusax.core.chat.ChatMessage("m1", "eve@evil.example",
                org.cusax.core.chat.Direction.INCOMING, raw, java.time.Instant.EPOCH);
        assertThat(m.body()).isEqualTo(raw);
        assertThat(m.displayBody()).isEqualTo("hi\uFFFDtxt.exe\uFFFD");
        org.cusax.core.history.ChatRecord r = org.cusax.core.history.ChatRecord.of(m);
        assertThat(r.body()).isEqualTo(raw);
        assertThat(r.displayBody()).isEqualTo(m.displayBody());
    }
}
