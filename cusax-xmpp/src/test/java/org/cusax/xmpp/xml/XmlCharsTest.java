package org.cusax.xmpp.xml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** XML 1.0 §2.2 Char, for text we put into stanzas. */
class XmlCharsTest {
    @Test
    void findsAndReplacesWhatXmlCannotCarry() {
        assertThat(XmlChars.firstInvalid("ok\t\n\r é 😀 \uFFFD")).isEmpty();
        assertThat(XmlChars.firstInvalid("a\u0000b")).hasValue(0);
        assertThat(XmlChars.firstInvalid("a\uFFFEb")).hasValue(0xFFFE);
        assertThat(XmlChars.firstInvalid("lone \uD83D surrogate")).hasValue(0xD83D);
        assertThat(XmlChars.replaceInvalid("a\u001bb\u0000c😀\uDC00")).isEqualTo("a\uFFFDb\uFFFDc😀\uFFFD");
        assertThat(XmlChars.name(0x1b)).isEqualTo("U+001B");
    }
}
