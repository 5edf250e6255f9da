package org.cusax.core.contact;

/**
 * Text from the network that front-ends show on one line (a contact's name, a TEL as written, a caller's
 * display name): line breaks and tabs become spaces, and other control characters (C0, DEL, C1) and the
 * bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which could move a terminal's cursor,
 * recolour it or reorder what the user reads, become U+FFFD, visibly. Nothing else changes.
 */
public final class DisplayText {
    /** What replaces a character that must not reach a screen. */
    public static final char REPLACEMENT = '\uFFFD';

    private DisplayText() {
    }

    /** The one-line, control-free form of {@code text} (stripped; "" for null). */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char r = replacementFor(c);
            if (r != c && b == null) {
                b = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (b != null) {
                b.append(r);
            }
        }
        return (b == null ? text : b.toString()).strip();
    }

    private static char replacementFor(char c) {
        if (c == '\n' || c == '\r' || c == '\t' || c == '\u000B' || c == '\f') {
            return ' ';
        }
        if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
            return REPLACEMENT;
        }
        return c;
    }
}
