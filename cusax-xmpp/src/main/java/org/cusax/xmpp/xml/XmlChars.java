package org.cusax.xmpp.xml;

import java.util.OptionalInt;

/**
 * XML 1.0 §2.2 {@code Char}: what an XMPP stream may carry (RFC 6120 §11.1). Smack's builders escape markup but
 * write every other character as it is, and a single NUL or ESC in an outgoing stanza makes the server end the
 * whole stream as not-well-formed (and a queued message would do it again after every reconnection).
 */
public final class XmlChars {
    private XmlChars() {
    }

    /** The first code point of {@code text} that XML 1.0 cannot carry, if any (lone surrogates included). */
    public static OptionalInt firstInvalid(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!valid(cp)) { // a lone surrogate comes back as itself, outside every range
                return OptionalInt.of(cp);
            }
            i += Character.charCount(cp);
        }
        return OptionalInt.empty();
    }

    /** {@code text} with every character XML 1.0 cannot carry replaced by U+FFFD. */
    public static String replaceInvalid(String text) {
        if (firstInvalid(text).isEmpty()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> b.appendCodePoint(valid(cp) ? cp : 0xFFFD));
        return b.toString();
    }

    /** {@code U+001B}: how a code point is named in an error message. */
    public static String name(int codePoint) {
        return String.format("U+%04X", codePoint);
    }

    private static boolean valid(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
