package org.cusax.sip.stack;

import java.util.regex.Pattern;

/**
 * Removes credentials from text the SIP stack logs: the value of every Authorization and
 * Proxy-Authorization header (its digest response could be attacked offline), and any stray
 * {@code response="..."} or {@code cnonce="..."} parameter.
 */
public final class LogRedactor {
    private static final Pattern AUTH_HEADER =
            Pattern.compile("(?im)^((?:Proxy-)?Authorization\\s*:)[^\\r\\n]*");
    private static final Pattern DIGEST_PARAM =
            Pattern.compile("(?i)\\b(response|cnonce)\\s*=\\s*(\"[^\"]*\"|[^,\\s]+)");

    private LogRedactor() {
    }

    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = AUTH_HEADER.matcher(text).replaceAll("$1 [redacted]");
        return DIGEST_PARAM.matcher(out).replaceAll("$1=[redacted]");
    }
}
