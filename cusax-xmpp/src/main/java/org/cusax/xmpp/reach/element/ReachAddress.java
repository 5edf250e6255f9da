package org.cusax.xmpp.reach.element;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One {@code <addr uri='…'>} of a reachability element (XEP-0152 §3) with its optional human-readable
 * descriptions.
 *
 * @param uri          an absolute URI (sip:, sips:, tel:, xmpp:, …), trimmed
 * @param descriptions the {@code <desc xml:lang='…'>} children, in document order
 */
public record ReachAddress(String uri, List<Description> descriptions) {
    public static final int MAX_URI_LENGTH = 2048;
    public static final int MAX_DESCRIPTIONS = 8;
    private static final Pattern URI = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:\\S+");

    public ReachAddress {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("a reachability address needs a uri");
        }
        uri = uri.strip();
        if (uri.length() > MAX_URI_LENGTH || !URI.matcher(uri).matches()) {
            throw new IllegalArgumentException("'" + abbreviate(uri) + "' is not an absolute URI");
        }
        descriptions = descriptions == null ? List.of() : List.copyOf(descriptions);
        if (descriptions.size() > MAX_DESCRIPTIONS) {
            throw new IllegalArgumentException("at most " + MAX_DESCRIPTIONS + " descriptions per address");
        }
    }

    public static ReachAddress of(String uri) {
        return new ReachAddress(uri, List.of());
    }

    /** The URI scheme in lower case, e.g. {@code sip}. */
    public String scheme() {
        return uri.substring(0, uri.indexOf(':')).toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }

    /**
     * A {@code <desc>}: free text in a language.
     *
     * @param lang the xml:lang value, "" when none
     * @param text the description
     */
    public record Description(String lang, String text) {
        public static final int MAX_TEXT_LENGTH = 1024;

        public Description {
            lang = lang == null ? "" : lang.strip();
            if (text == null || text.length() > MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("a description is text of at most " + MAX_TEXT_LENGTH
                        + " characters");
            }
            if (lang.length() > 64) {
                throw new IllegalArgumentException("not a language tag");
            }
        }
    }
}
