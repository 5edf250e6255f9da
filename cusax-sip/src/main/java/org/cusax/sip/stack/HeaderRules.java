package org.cusax.sip.stack;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Syntax rules of RFC 3261 that JAIN-SIP's parser does not enforce (it keeps the last of repeated headers and
 * reads an unquoted display name with separators), checked on the raw request before the stack: each is a
 * reason for 400 (RFC 4475 §3.1.2.15 {@code baddn}, §3.1.2.17 {@code mismatch01}, §3.3.8 {@code multi01}).
 */
final class HeaderRules {
    /** RFC 3261 §20: headers that appear at most once (long and compact names). */
    private static final Map<String, String> SINGLE = Map.ofEntries(Map.entry("to", "To"), Map.entry("t", "To"),
            Map.entry("from", "From"), Map.entry("f", "From"), Map.entry("call-id", "Call-ID"),
            Map.entry("i", "Call-ID"), Map.entry("cseq", "CSeq"), Map.entry("max-forwards", "Max-Forwards"),
            Map.entry("content-type", "Content-Type"), Map.entry("c", "Content-Type"));
    /** RFC 3261 §25.1 {@code display-name = *(token LWS) / quoted-string}. */
    private static final Pattern DISPLAY_NAME = Pattern.compile(
            "\\s*(?:|\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z0-9.!%*_+`'~-]+(?:\\s+[A-Za-z0-9.!%*_+`'~-]+)*)\\s*",
            Pattern.DOTALL);

    private HeaderRules() {
    }

    /**
     * Why this request breaks a rule, or empty. {@code requestLine} is the first line, {@code headers} the
     * header block after it with folded lines already joined.
     */
    static Optional<String> problem(String requestLine, String[] headers) {
        String[] parts = requestLine.trim().split(" +");
        String method = parts.length > 0 ? parts[0] : "";
        Map<String, Integer> seen = new HashMap<>();
        for (String line : headers) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = SINGLE.get(line.substring(0, colon).trim().toLowerCase(Locale.ROOT));
            if (name == null) {
                continue;
            }
            if (seen.merge(name, 1, Integer::sum) > 1) {
                return Optional.of("repeated " + name);
            }
            String value = line.substring(colon + 1).trim();
            if ((name.equals("To") || name.equals("From")) && value.indexOf('<') > 0
                    && !DISPLAY_NAME.matcher(value.substring(0, value.indexOf('<'))).matches()) {
                return Optional.of("display name in " + name + " is neither tokens nor a quoted string");
            }
            if (name.equals("CSeq")) {
                String[] cseq = value.split("\\s+");
                if (cseq.length == 2 && !cseq[1].equals(method)) {
                    return Optional.of("CSeq method " + cseq[1] + " differs from the request's");
                }
            }
        }
        return Optional.empty();
    }
}
