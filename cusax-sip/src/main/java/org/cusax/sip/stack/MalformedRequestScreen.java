package org.cusax.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import gov.nist.javax.sip.parser.ParserFactory;

/**
 * A request whose mandatory header (From, To, Call-ID, CSeq, Max-Forwards, or a Via after the first) does not
 * parse, or is missing, gets 400 Bad Request (RFC 3261 §8.1.1, §8.2.6 and §21.4.1): JAIN-SIP closes a TCP connection on
 * such a request and drops it over UDP, so that the sender never learns why. The answer is built from the
 * request's own lines (Via, From, To, Call-ID, CSeq copied as received, control characters replaced); it needs
 * a top Via that parses (else there is nowhere to answer, and the request goes on to JAIN-SIP, which drops
 * it). ACKs and responses are never answered.
 */
final class MalformedRequestScreen {
    private static final Map<String, String> MANDATORY = Map.of("via", "Via", "v", "Via", "from", "From", "f", "From",
            "to", "To", "t", "To", "call-id", "Call-ID", "i", "Call-ID", "cseq", "CSeq", "max-forwards", "Max-Forwards");

    private MalformedRequestScreen() {
    }

    /** The encoded 400 for this request, or empty to let it through unchanged. */
    static Optional<byte[]> badRequest(byte[] data, int offset, int length) {
        String text = new String(data, offset, length, StandardCharsets.ISO_8859_1);
        int eol = text.indexOf("\r\n");
        int end = text.indexOf("\r\n\r\n");
        if (eol <= 0 || end < 0 || text.startsWith("SIP/") || text.regionMatches(true, 0, "ACK ", 0, 4)) {
            return Optional.empty();
        }
        List<String> vias = new ArrayList<>();
        Map<String, String> copied = new LinkedHashMap<>();
        String broken = null;
        boolean seenMaxForwards = false;
        for (String line : text.substring(eol + 2, end).replaceAll("\r\n[ \t]+", " ").split("\r\n")) {
            int colon = line.indexOf(':');
            String name = colon > 0 ? MANDATORY.get(line.substring(0, colon).trim().toLowerCase(Locale.ROOT)) : null;
            if (name == null) {
                continue;
            }
            String value = line.substring(colon + 1).trim();
            boolean parses = parses(name + ": " + value);
            if (name.equals("Via")) {
                if (vias.isEmpty() && !parses) {
                    return Optional.empty(); // no route back
                }
                vias.add(value);
            } else if (!name.equals("Max-Forwards")) {
                copied.putIfAbsent(name, value);
            } else {
                seenMaxForwards = true;
            }
            if (!parses && broken == null) {
                broken = "malformed " + name;
            }
        }
        for (String name : List.of("From", "To", "Call-ID", "CSeq")) {
            if (broken == null && !copied.containsKey(name)) {
                broken = "missing " + name;
            }
        }
        if (broken == null && !seenMaxForwards) {
            broken = "missing Max-Forwards"; // RFC 3261 §8.1.1.6; JAIN-SIP cannot make a transaction without it
        }
        if (broken == null || vias.isEmpty() || copied.getOrDefault("CSeq", "").toUpperCase(Locale.ROOT)
                .endsWith(" ACK")) {
            return Optional.empty();
        }
        StringBuilder r = new StringBuilder("SIP/2.0 400 Bad Request (").append(broken).append(")\r\n");
        vias.forEach(v -> r.append("Via: ").append(clean(v)).append("\r\n"));
        copied.forEach((k, v) -> r.append(k).append(": ").append(clean(v)).append("\r\n"));
        r.append("Content-Length: 0\r\n\r\n");
        return Optional.of(r.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean parses(String line) {
        try {
            ParserFactory.createParser(line + "\n").parse();
            return true;
        } catch (java.text.ParseException | RuntimeException e) {
            return false;
        }
    }

    private static String clean(String value) {
        return value.replaceAll("[\\p{Cntrl}]", "?");
    }
}
