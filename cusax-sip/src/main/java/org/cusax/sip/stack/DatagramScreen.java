package org.cusax.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;

/**
 * What JAIN-SIP's parser hides, checked on the raw bytes of a UDP request: it reads any
 * {@code SIP/x.y} request line as SIP/2.0 (RFC 3261 §8.2.2 / RFC 4475 §3.1.2.x want 505), and it keeps the
 * last of several conflicting Content-Length headers (RFC 4475 §3.1.2.x, 400), and the {@link HeaderRules} it does
 * not enforce (400). Used for connections too (before {@link MalformedRequestScreen}). Returns the encoded
 * stateless refusal, or empty to let the request through.
 */
final class DatagramScreen {
    private DatagramScreen() {
    }

    static Optional<byte[]> refusal(byte[] data, int length) {
        String text = new String(data, 0, length, StandardCharsets.ISO_8859_1);
        int eol = text.indexOf("\r\n");
        if (eol < 0 || text.startsWith("SIP/")) {
            return Optional.empty();
        }
        String[] requestLine = text.substring(0, eol).trim().split(" +");
        String version = requestLine[requestLine.length - 1];
        if (requestLine.length == 3 && version.regionMatches(true, 0, "SIP/", 0, 4)
                && !version.equalsIgnoreCase("SIP/2.0")) {
            return refuse(text, 505, "Version Not Supported");
        }
        int end = text.indexOf("\r\n\r\n");
        Set<String> lengths = new HashSet<>();
        // end == eol: no header at all (a bare Request-Line and the empty line)
        String[] lines = text.substring(eol + 2, end < eol + 2 ? text.length() : end).replaceAll("\r\n[ \t]+", " ")
                .split("\r\n");
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                if (name.equals("content-length") || name.equals("l")) {
                    lengths.add(line.substring(colon + 1).trim());
                }
            }
        }
        if (lengths.size() > 1) {
            return refuse(text, 400, "Bad Request (conflicting Content-Length)");
        }
        Optional<String> broken = HeaderRules.problem(text.substring(0, eol), lines);
        return broken.isPresent() ? refuse(text, 400, "Bad Request (" + broken.get() + ")") : Optional.empty();
    }

    private static Optional<byte[]> refuse(String text, int status, String reason) {
        String normalised = text.replaceFirst("^([^\r\n]*) [Ss][Ii][Pp]/[^\r\n ]*\r\n", "$1 SIP/2.0\r\n");
        try {
            SIPMessage m = new StringMsgParser().parseSIPMessage(normalised.getBytes(StandardCharsets.ISO_8859_1),
                    true, false, null);
            if (!(m instanceof SIPRequest request) || "ACK".equals(request.getMethod())) {
                return Optional.empty();
            }
            return Optional.of(request.createResponse(status, reason).encodeAsBytes("UDP"));
        } catch (java.text.ParseException | RuntimeException e) {
            return Optional.empty(); // cannot route an answer: drop
        }
    }
}
