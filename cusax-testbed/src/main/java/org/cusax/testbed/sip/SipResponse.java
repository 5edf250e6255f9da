package org.cusax.testbed.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A SIP response as received: status line and headers (for assertions and digest challenges). */
public final class SipResponse {

    private final int status;
    private final String reason;
    private final List<String[]> headers;
    private final String text;

    private SipResponse(int status, String reason, List<String[]> headers, String text) {
        this.status = status;
        this.reason = reason;
        this.headers = headers;
        this.text = text;
    }

    /** Parses a response; returns null if {@code text} is not a SIP response. */
    public static SipResponse parse(String text) {
        String[] lines = text.split("\r\n", -1);
        if (lines.length == 0 || !lines[0].startsWith("SIP/2.0 ") || lines[0].length() < 11) {
            return null;
        }
        int status;
        try {
            status = Integer.parseInt(lines[0].substring(8, 11));
        } catch (NumberFormatException e) {
            return null;
        }
        String reason = lines[0].length() > 12 ? lines[0].substring(12) : "";
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip()});
            }
        }
        return new SipResponse(status, reason, List.copyOf(headers), text);
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** First value of header {@code name} (case-insensitive), or null. */
    public String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    /** Every value of header {@code name} (case-insensitive). */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                values.add(h[1]);
            }
        }
        return values;
    }

    /** The whole message as received. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return status + " " + reason;
    }
}
