package org.cusax.sip.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the hostile-SIP corpus: requests in the style of the RFC 4475 torture tests (unknown and odd
 * methods, unknown Require, wrong version, long headers, compact forms) and a PROTOS c07-sip style
 * campaign, each header of a valid INVITE mutated by overflow, format strings, bad characters and missing
 * parts. Messages name the sender's UDP/TCP port in the Via so responses can be routed back.
 */
public final class HostileCorpus {
    /** One message, and what the listener must answer (0: any final non-5xx answer or none). */
    public record Case(String name, String message, String callId, int expected) {
    }

    static final String[] HEADERS = {"Via", "From", "To", "Call-ID", "CSeq", "Contact", "Max-Forwards", "Expires",
        "Content-Type", "Subject", "User-Agent", "Accept"};
    static final String[] MUTATIONS = {"%s%s%s%s%s%s%n%x", "\u0000\u0001\u0002", "<<<>>>\"\"\"", "a".repeat(1200),
        "(((((((((", "sip:" + "@".repeat(300), "\"unterminated <sip:x@y", "-1", "4294967296", "", ";;;;;;", "\u00ff\u00fe"};

    private final String transport;
    private final int listenerPort;
    private final int senderPort;
    private int serial;

    public HostileCorpus(String transport, int listenerPort, int senderPort) {
        this.transport = transport;
        this.listenerPort = listenerPort;
        this.senderPort = senderPort;
    }

    /** A valid request as an ordered header map (Call-ID unique per call). */
    public Map<String, String> valid(String method, String callId) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Via", "SIP/2.0/" + transport + " 127.0.0.1:" + senderPort + ";branch=z9hG4bK" + callId + ";rport");
        h.put("From", "\"Bob\" <sip:bob@example.org>;tag=f" + callId);
        h.put("To", "<sip:alice@127.0.0.1>");
        h.put("Call-ID", callId);
        h.put("CSeq", "1 " + method);
        h.put("Contact", "<sip:bob@127.0.0.1:" + senderPort + ">");
        h.put("Max-Forwards", "70");
        return h;
    }

    public String render(String requestLine, Map<String, String> headers, String body) {
        StringBuilder b = new StringBuilder(requestLine).append("\r\n");
        headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
        return b.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body).toString();
    }

    public String nextId() {
        return "hostile" + (serial++) + "x" + Integer.toHexString(listenerPort);
    }

    public String line(String method) {
        return method + " sip:alice@127.0.0.1:" + listenerPort + " SIP/2.0";
    }

    public Case options(String name) {
        String id = nextId();
        return new Case(name, render(line("OPTIONS"), valid("OPTIONS", id), ""), id, 200);
    }

    /** RFC 4475-style cases with their required answers. */
    public List<Case> torture() {
        List<Case> cases = new ArrayList<>();
        cases.add(options("valid OPTIONS"));
        String id = nextId();
        cases.add(new Case("unknown method (RFC 4475 §3.1.1.4 intmeth)", render(
                line("!interesting-Method0123456789_*+`.%indeed'~"), valid("!interesting-Method0123456789_*+`.%indeed'~",
                id), ""), id, 501));
        id = nextId();
        cases.add(new Case("unknown method NEWMETHOD (RFC 4475 §3.1.1.5 novelsc-like)",
                render(line("NEWMETHOD"), valid("NEWMETHOD", id), ""), id, 501));
        id = nextId();
        Map<String, String> req = valid("OPTIONS", id);
        req.put("Require", "nothingweknow, timer");
        cases.add(new Case("unknown Require (RFC 3261 §8.2.2.3)", render(line("OPTIONS"), req, ""), id, 420));
        id = nextId();
        req = valid("OPTIONS", id);
        for (int i = 0; i < 40; i++) {
            req.put("X-Long-" + i, "v".repeat(400));
        }
        cases.add(new Case("long header block (RFC 4475 §3.1.1.6 longreq-like)", render(line("OPTIONS"), req, ""), id,
                200));
        id = nextId();
        Map<String, String> compact = new LinkedHashMap<>();
        valid("OPTIONS", id).forEach((k, v) -> compact.put(switch (k) {
            case "Via" -> "v";
            case "From" -> "f";
            case "To" -> "t";
            case "Call-ID" -> "i";
            case "Contact" -> "m";
            default -> k;
        }, v));
        cases.add(new Case("compact header forms (RFC 3261 §7.3.3)", render(line("OPTIONS"), compact, ""), id, 200));
        id = nextId();
        req = valid("INVITE", id);
        req.remove("Contact");
        cases.add(new Case("INVITE without Contact (RFC 3261 §8.1.1.8)", render(line("INVITE"), req, ""), id, 400));
        id = nextId();
        req = valid("INVITE", id);
        req.put("Contact", "\"bob <sip:x@y");
        cases.add(new Case("INVITE with malformed Contact (PROTOS)", render(line("INVITE"), req, ""), id, 400));
        id = nextId();
        req = valid("OPTIONS", id);
        req.put("Via", "SIP/2.0/" + (transport.equals("UDP") ? "TCP" : "UDP") + " 127.0.0.1:" + senderPort
                + ";branch=z9hG4bK" + id + ";rport");
        cases.add(new Case("top Via names another transport (RFC 3261 §18.2.2)", render(line("OPTIONS"), req, ""),
                id, 200));
        if (transport.equals("UDP")) {
            id = nextId();
            cases.add(new Case("SIP/7.0 (RFC 4475 §3.1.2.16 badvers-like)", render(
                    "OPTIONS sip:alice@127.0.0.1:" + listenerPort + " SIP/7.0", valid("OPTIONS", id), ""), id, 505));
            id = nextId();
            req = valid("OPTIONS", id);
            req.put("l", "5");
            cases.add(new Case("conflicting Content-Length (RFC 4475 §3.1.2.x mcl01-like)",
                    render(line("OPTIONS"), req, ""), id, 400));
        }
        return cases;
    }

    /** PROTOS c07-sip style: every header of a valid INVITE, one mutation at a time. */
    public List<Case> campaign() {
        List<Case> cases = new ArrayList<>();
        for (String header : HEADERS) {
            for (String mutation : MUTATIONS) {
                String id = nextId();
                Map<String, String> req = valid("INVITE", id);
                String value = header.equals("Call-ID") ? id + mutation.replace(" ", "") : mutation;
                req.put(header, value);
                cases.add(new Case("PROTOS " + header + " ← " + describe(mutation),
                        render(line("INVITE"), req, ""), id, 0));
            }
            String id = nextId();
            Map<String, String> req = valid("INVITE", id);
            req.remove(header);
            cases.add(new Case("PROTOS missing " + header, render(line("INVITE"), req, ""), id, 0));
        }
        return cases;
    }

    private static String describe(String mutation) {
        String m = mutation.length() > 12 ? mutation.substring(0, 12) + "…(" + mutation.length() + ")" : mutation;
        return m.replaceAll("\\p{Cntrl}", "?");
    }
}
