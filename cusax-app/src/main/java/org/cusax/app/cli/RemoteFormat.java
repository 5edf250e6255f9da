package org.cusax.app.cli;

import java.util.List;
import java.util.Map;

/** Human lines for what the daemon sends as JSON (events, status, contacts, routing decisions). */
final class RemoteFormat {
    private RemoteFormat() {
    }

    static String event(Map<String, Object> e) {
        String type = str(e, "type");
        return switch (type) {
            case "connection" -> half(e);
            case "chat-received" -> "message from " + str(e, "from") + ": "
                    + HumanFormat.continued(org.cusax.core.contact.DisplayText.multiLine(str(e, "body")));
            case "contacts-capped" -> "WARNING: " + str(e, "message");
            case "chat-status" -> "message to " + str(e, "to") + " " + str(e, "state");
            case "security-parity" -> (Boolean.TRUE.equals(e.get("matched")) ? "security: " : "WARNING: ")
                    + str(e, "explanation");
            case "incoming-call" -> "incoming call " + str(e, "callId") + " from " + caller(e);
            case "call-ended" -> "call with " + str(e, "remote") + " ended: " + str(map(e.get("reason")), "message")
                    + " (" + (((Number) e.getOrDefault("durationMs", 0)).longValue() / 1000) + " s)";
            case "dtmf" -> "DTMF " + str(e, "digit");
            case "call-held" -> "call with " + str(e, "remote") + ("us".equals(e.get("by")) ? " put on hold"
                    : " held by the other side");
            case "call-resumed" -> "call with " + str(e, "remote") + ("us".equals(e.get("by")) ? " resumed"
                    : " resumed by the other side");
            case "call-ringing" -> "ringing " + str(e, "remote");
            case "call-answered" -> "call with " + str(e, "remote") + " answered" + media(map(e.get("media")));
            default -> type;
        };
    }

    private static String caller(Map<String, Object> e) {
        Map<String, Object> contact = map(e.get("contact"));
        String display = str(e, "fromDisplay").isEmpty() ? str(e, "from") : str(e, "fromDisplay");
        return contact.isEmpty() ? display : str(contact, "name") + " <" + str(contact, "jid") + "> (" + display + ")";
    }

    static String half(Map<String, Object> h) {
        Map<String, Object> security = map(h.get("security"));
        Map<String, Object> reason = map(h.get("reason"));
        return String.format("%-9s %-12s %s%s", str(h, "label"), str(h, "state"),
                h.get("account") == null ? "" : str(h, "account"),
                !security.isEmpty() ? "  " + str(security, "summary") : !reason.isEmpty() ? "  (" + str(reason, "message") + ")" : "");
    }

    static String contact(Map<String, Object> c) {
        return contact(c, ListingColumns.JID, ListingColumns.NAME);
    }

    /** One contact as a line of a listing whose JID and name columns are this wide (see {@link ListingColumns}). */
    static String contact(Map<String, Object> c, int jidWidth, int nameWidth) {
        StringBuilder sb = new StringBuilder(String.format("%-" + jidWidth + "s %-" + nameWidth + "s %-11s",
                str(c, "jid"), str(c, "name"), str(map(c.get("presence")), "availability")));
        sb.append(Boolean.TRUE.equals(c.get("callable")) ? " [Call]" : "       ");
        List<Map<String, Object>> tels = ((List<?>) c.getOrDefault("tels", List.of())).stream()
                .map(RemoteFormat::map).toList();
        for (Map<String, Object> t : DistinctTels.of(tels,
                tel -> tel.get("normalized") != null ? str(tel, "normalized") : " as given: " + str(tel, "uri"))) {
            sb.append("  ").append(str(t, "type")).append(' ')
                    .append(t.get("normalized") != null ? str(t, "normalized") : str(t, "uri"));
            if (!Boolean.TRUE.equals(t.get("callable"))) {
                sb.append(" (not callable)");
            }
        }
        return sb.toString();
    }

    static String decision(Map<String, Object> d) {
        String flag = Boolean.TRUE.equals(d.get("interDomain")) ? "\ninter-domain: " + str(d, "interDomainReason") : "";
        return switch (str(d, "decision")) {
            case "route" -> "would call " + str(d, "address") + " (" + str(d, "label")
                    + (d.get("contact") == null ? "" : ", " + str(d, "contact")) + ") via " + str(d, "account") + flag;
            case "choose-account" -> "choose the account for " + str(d, "address") + ": " + d.get("accounts") + flag;
            case "choose-address" -> "choose the number of " + str(d, "contact") + ": " + choices((List<?>) d.get("addresses"));
            default -> "cannot call: " + str(d, "message");
        };
    }

    /** Numbered choices: {@code 1. mobile tel:+33612345678}, one per line. */
    static String choices(List<?> options) {
        StringBuilder sb = new StringBuilder();
        int n = 1;
        for (Object o : options) {
            Map<String, Object> c = map(o);
            sb.append("\n  ").append(c.containsKey("n") ? c.get("n") : n).append(". ")
                    .append(c.containsKey("label") ? str(c, "label") : str(c, "type")).append(' ')
                    .append(c.containsKey("number") ? str(c, "number")
                            : c.get("normalized") != null ? str(c, "normalized") : str(c, "uri"));
            n++;
        }
        return sb.toString();
    }

    /** The call's media protection and, when the guard warned (security.profile = warn), why. */
    private static String media(Map<String, Object> m) {
        if (m.isEmpty()) {
            return "";
        }
        return " (" + str(m, "protection") + ")" + (Boolean.TRUE.equals(m.get("warning"))
                ? " WARNING: " + str(m, "explanation") : "");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : String.valueOf(v);
    }
}
