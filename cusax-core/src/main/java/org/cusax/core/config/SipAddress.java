package org.cusax.core.config;

import java.util.Locale;

/** The parts of a configured SIP address-of-record, {@code sip:user@domain} or {@code sips:user@domain}. */
record SipAddress(String uri, String user, String domain) {

    static SipAddress parse(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        String scheme;
        if (lower.startsWith("sip:")) {
            scheme = "sip:";
        } else if (lower.startsWith("sips:")) {
            scheme = "sips:";
        } else {
            t = "sip:" + t;
            scheme = "sip:";
        }
        String rest = t.substring(scheme.length());
        int semicolon = rest.indexOf(';');
        if (semicolon >= 0) {
            rest = rest.substring(0, semicolon);
        }
        int at = rest.indexOf('@');
        if (at <= 0 || at == rest.length() - 1 || rest.indexOf('@', at + 1) >= 0
                || rest.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("'" + text + "' is not a SIP address-of-record (sip:user@domain)");
        }
        String user = rest.substring(0, at);
        String hostPort = rest.substring(at + 1).toLowerCase(Locale.ROOT);
        int colon = hostPort.lastIndexOf(':');
        String domain = colon > 0 && !hostPort.endsWith("]") ? hostPort.substring(0, colon) : hostPort;
        return new SipAddress(scheme + user + "@" + domain, user, domain);
    }
}
