package org.cusax.sip.stack;

import java.util.regex.Pattern;

/**
 * Removes credentials from text the SIP stack logs: the value of every Authorization and
 * Proxy-Authorization header (its digest response could be attacked offline), and any stray
 * {@code response="..."} or {@code cnonce="..."} parameter; and the SRTP master key of every SDES
 * {@code a=crypto} line (RFC 4568 §9.1 {@code inline:} key parameter), which would let anyone decrypt the call.
 */
public final class LogRedactor {
    private static final Pattern AUTH_HEADER =
            Pattern.compile("(?im)^((?:Proxy-)?Authorization\\s*:)[^\\r\\n]*");
    private static final Pattern DIGEST_PARAM =
            Pattern.compile("(?i)\\b(response|cnonce)\\s*=\\s*(\"[^\"]*\"|[^,\\s]+)");

    private static final Pattern SDES_KEY = Pattern.compile("(?i)\\b(inline:)[^\\s;|]+");

    private LogRedactor() {
    }

    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = AUTH_HEADER.matcher(text).replaceAll("$1 [redacted]");
        out = DIGEST_PARAM.matcher(out).replaceAll("$1=[redacted]");
        return SDES_KEY.matcher(out).replaceAll("$1[redacted]");
    }
}
