package org.cusax.core.contact;

/**
 * Text from the network that front-ends show on one line (a contact's name, a TEL as written, a caller's
 * display name): line breaks and tabs become spaces, and other control characters (C0, DEL, C1) and the
 * bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which could move a terminal's cursor,
 * recolour it or reorder what the user reads, become U+FFFD, visibly. Nothing else changes.
 *
 * <p>Chat bodies keep their lines ({@link #multiLine}): the same characters are neutralised, but a line
 * break stays one (CR LF and a bare CR become LF, so a CR cannot send the cursor back over what the line
 * showed) and a tab stays a tab. This is the display form only: the message as received is stored and
 * kept unchanged.
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

    /**
     * The control-free form of a multi-line text such as a chat body: line breaks become LF, tabs stay,
     * every other control (C0, DEL, the C1 range U+0080–U+009F of ISO/IEC 6429, which includes the 8-bit
     * CSI a terminal obeys) and every bidirectional embedding, override and isolate of Unicode UAX #9 (the
     * "Trojan Source" characters, CVE-2021-42574) become U+FFFD. Not stripped; "" for null.
     */
    public static String multiLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char r;
            if (c == '\r') {
                r = '\n';
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    // CR LF is one line break: drop the CR
                    if (b == null) {
                        b = new StringBuilder(text.length()).append(text, 0, i);
                    }
                    continue;
                }
            } else {
                r = c == '\n' || c == '\t' ? c : isNeutralised(c) ? REPLACEMENT : c;
            }
            if (r != c && b == null) {
                b = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (b != null) {
                b.append(r);
            }
        }
        return b == null ? text : b.toString();
    }

    private static char replacementFor(char c) {
        if (c == '\n' || c == '\r' || c == '\t' || c == '\u000B' || c == '\f') {
            return ' ';
        }
        return isNeutralised(c) ? REPLACEMENT : c;
    }

    private static boolean isNeutralised(char c) {
        return Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
