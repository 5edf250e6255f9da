package org.cusax.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import gov.nist.javax.sip.parser.ParserFactory;
import gov.nist.javax.sip.parser.RequestLineParser;

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

    /** The encoded 400 for this datagram, or empty to let it through unchanged. */
    static Optional<byte[]> badRequest(byte[] data, int offset, int length) {
        return badRequest(data, offset, length, false);
    }

    /**
     * The encoded 400 for this request read from a connection, or empty: as for a datagram, and a request whose
     * top Via does not parse is answered too, since the answer goes back on the connection.
     */
    static Optional<byte[]> badRequestOnConnection(byte[] data, int offset, int length) {
        return badRequest(data, offset, length, true);
    }

    private static Optional<byte[]> badRequest(byte[] data, int offset, int length, boolean connection) {
        String text = new String(data, offset, length, StandardCharsets.ISO_8859_1);
        int eol = text.indexOf("\r\n");
        int end = text.indexOf("\r\n\r\n");
        if (eol <= 0 || end < eol + 2 || text.startsWith("SIP/") || text.regionMatches(true, 0, "ACK ", 0, 4)) {
            return Optional.empty(); // a response, an ACK, or no header at all (nothing to answer with)
        }
        List<String> vias = new ArrayList<>();
        Map<String, String> copied = new LinkedHashMap<>();
        String[] lines = text.substring(eol + 2, end).replaceAll("\r\n[ \t]+", " ").split("\r\n");
        String broken = requestLineProblem(text.substring(0, eol))
                .or(() -> HeaderRules.problem(text.substring(0, eol), lines)).orElse(null);
        boolean seenMaxForwards = false;
        for (String line : lines) {
            int colon = line.indexOf(':');
            String name = colon > 0 ? MANDATORY.get(line.substring(0, colon).trim().toLowerCase(Locale.ROOT)) : null;
            if (name == null) {
                continue;
            }
            String value = line.substring(colon + 1).trim();
            boolean parses = parses(name + ": " + value);
            if (name.equals("Via")) {
                if (vias.isEmpty() && !parses && !connection) {
                    return Optional.empty(); // no route back for a datagram
                }
                vias.add(value); // on a connection the answer goes back on it, whatever the Via says
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

    /** JAIN-SIP closes the connection on a Request-Line it cannot parse (RFC 4475 §3.1.2.7–10). */
    private static Optional<String> requestLineProblem(String line) {
        try {
            new RequestLineParser(line + "\n").parse();
            return Optional.empty();
        } catch (java.text.ParseException | RuntimeException e) {
            return Optional.of("malformed Request-Line");
        }
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
