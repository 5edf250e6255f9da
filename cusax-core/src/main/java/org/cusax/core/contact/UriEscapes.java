package org.cusax.core.contact;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Percent-escapes in SIP and tel URIs (RFC 3261 §19.1.2, §19.1.4; RFC 2396 §2), and name-addr unwrapping. */
final class UriEscapes {
    /** RFC 2396 "mark" characters: unreserved along with letters and digits. */
    private static final String MARK = "-_.!~*'()";

    private UriEscapes() {
    }

    /**
     * The equivalence form of RFC 3261 §19.1.4: characters outside the reserved set are equivalent to
     * their escaped form, so every escaped unreserved character is unescaped and the other escapes are
     * kept with upper-case hex digits. Empty if an escape is malformed.
     */
    static Optional<String> canonical(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int value = hexByte(text, i);
            if (value < 0) {
                return Optional.empty();
            }
            char decoded = (char) value;
            if (value < 0x80 && unreserved(decoded)) {
                out.append(decoded);
            } else {
                out.append('%').append(text.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
            }
            i += 2;
        }
        return Optional.of(out.toString());
    }

    /** Every escape decoded (as UTF-8). Empty if an escape is malformed. */
    static Optional<String> decode(String text) {
        if (text.indexOf('%') < 0) {
            return Optional.of(text);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int value = hexByte(text, i);
                if (value < 0) {
                    return Optional.empty();
                }
                bytes.write(value);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || MARK.indexOf(c) >= 0;
    }

    private static int hexByte(String text, int percent) {
        if (percent + 2 >= text.length()) {
            return -1;
        }
        int hi = Character.digit(text.charAt(percent + 1), 16);
        int lo = Character.digit(text.charAt(percent + 2), 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }

    /** The URI inside a name-addr ({@code "Alice" <sip:alice@atlanta.com>;tag=1}), or the text unchanged. */
    static String unwrapNameAddr(String text) {
        int lt = text.indexOf('<');
        int gt = text.indexOf('>', lt + 1);
        return lt >= 0 && gt > lt ? text.substring(lt + 1, gt).strip() : text;
    }
}
