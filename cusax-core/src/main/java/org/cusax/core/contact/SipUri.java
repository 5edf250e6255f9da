package org.cusax.core.contact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A parsed {@code sip:} or {@code sips:} URI (RFC 3261 §19.1.1):
 * {@code sip:user:password@host:port;uri-parameters?headers}. Components are kept in the equivalence
 * form of §19.1.4: user and password case-sensitive with escapes of unreserved characters decoded, host
 * and parameter names and values lower-case. {@link #toString()} never shows the password. A user part
 * containing an unescaped '?' (legal but never seen in practice) is not supported: '?' starts the headers.
 *
 * @param secure   {@code sips:}
 * @param user     user part, empty when the URI has none ({@code sip:biloxi.com})
 * @param password password part, if any (case-sensitive; never printed)
 * @param host     host name, IPv4 address or bracketed IPv6 reference, lower-case
 * @param port     port, or -1 when absent
 * @param params   uri-parameters by lower-case name, in the order given; a flag parameter maps to ""
 * @param headers  headers by lower-case name, values as given (escape-normalized)
 */
public record SipUri(boolean secure, String user, Optional<String> password, String host, int port,
                     Map<String, String> params, Map<String, String> headers) {

    /** Parameters that take part in the identity of an address (RFC 3261 §19.1.4). */
    static final Set<String> IDENTITY_PARAMS = Set.of("user", "ttl", "method", "maddr");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?\\.?|\\[[0-9a-f:.]+]");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.!%*_+`'~-]+");

    public SipUri {
        if (user == null || password == null || host == null || host.isEmpty() || params == null || headers == null) {
            throw new IllegalArgumentException("a SIP URI needs a host; other parts may be empty but not null");
        }
        if (port < -1 || port == 0 || port > 65535) {
            throw new IllegalArgumentException("SIP URI port " + port + " is outside 1..65535");
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * Parses a SIP URI; also accepts a name-addr as in a From header ({@code "Alice" <sip:…>;tag=…}),
     * of which only the URI is read. Empty if invalid.
     */
    public static Optional<SipUri> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        t = UriEscapes.unwrapNameAddr(t);
        boolean secure;
        if (t.regionMatches(true, 0, "sips:", 0, 5)) {
            secure = true;
            t = t.substring(5);
        } else if (t.regionMatches(true, 0, "sip:", 0, 4)) {
            secure = false;
            t = t.substring(4);
        } else {
            return Optional.empty();
        }
        // DEL and C1 controls too (AddressNormalizerFuzzTest found "`\u007Fl@E0m" giving a canonical URI with a raw DEL)
        if (t.isEmpty() || t.chars().anyMatch(c -> c <= ' ' || Character.isISOControl(c) || c == '<' || c == '>' || c == '"')) {
            return Optional.empty();
        }
        try {
            return Optional.of(parseRest(secure, t));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static SipUri parseRest(boolean secure, String rest) {
        Map<String, String> headers = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String h : rest.substring(q + 1).split("&", -1)) {
                int eq = h.indexOf('=');
                require(eq > 0, "bad header");
                headers.putIfAbsent(h.substring(0, eq).toLowerCase(Locale.ROOT), canonical(h.substring(eq + 1)));
            }
            rest = rest.substring(0, q);
        }
        String user = "";
        Optional<String> password = Optional.empty();
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = rest.substring(0, at);
            int colon = userinfo.indexOf(':');
            user = canonical(colon >= 0 ? userinfo.substring(0, colon) : userinfo);
            if (colon >= 0) {
                password = Optional.of(canonical(userinfo.substring(colon + 1)));
            }
            require(!user.isEmpty(), "empty user");
            rest = rest.substring(at + 1);
        }
        Map<String, String> params = new LinkedHashMap<>();
        int semi = rest.indexOf(';');
        if (semi >= 0) {
            for (String p : rest.substring(semi + 1).split(";", -1)) {
                int eq = p.indexOf('=');
                String name = eq >= 0 ? p.substring(0, eq) : p;
                require(TOKEN.matcher(name).matches(), "bad parameter name");
                String value = eq >= 0 ? canonical(p.substring(eq + 1)).toLowerCase(Locale.ROOT) : "";
                params.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
            }
            rest = rest.substring(0, semi);
        }
        String host = rest.toLowerCase(Locale.ROOT);
        int port = -1;
        int colon = host.startsWith("[") ? host.indexOf(':', host.indexOf(']')) : host.lastIndexOf(':');
        if (colon >= 0) {
            String digits = host.substring(colon + 1);
            require(!digits.isEmpty() && digits.length() <= 5 && digits.chars().allMatch(Character::isDigit), "bad port");
            port = Integer.parseInt(digits);
            host = host.substring(0, colon);
        }
        require(HOST.matcher(host).matches(), "bad host");
        return new SipUri(secure, user, password, host, port, params, headers);
    }

    private static String canonical(String text) {
        return UriEscapes.canonical(text).orElseThrow(() -> new IllegalArgumentException("bad escape"));
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what);
        }
    }

    /** The port used when none is given: 5060 for sip, 5061 for sips (RFC 3261 §19.1.2). */
    public int defaultPort() {
        return secure ? 5061 : 5060;
    }

    /** Whether the URI says its user part is a telephone-subscriber (RFC 3261 §19.1.6). */
    public boolean userIsPhone() {
        return "phone".equals(params.get("user"));
    }

    /** The user part with every escape decoded, for reading it as a phone number. */
    public Optional<String> decodedUser() {
        return UriEscapes.decode(user);
    }

    /**
     * The canonical form shown and dialled: scheme kept (sips stays sips, so a call still requires TLS),
     * no password, no default port, only the identity parameters (user, ttl, method, maddr), sorted.
     */
    public String canonical() {
        return render(secure ? "sips:" : "sip:");
    }

    /** The SIP index key: the canonical form with sips folded into sip (same address of record). */
    public String identityKey() {
        return render("sip:");
    }

    private String render(String scheme) {
        StringBuilder b = new StringBuilder(scheme);
        if (!user.isEmpty()) {
            b.append(user).append('@');
        }
        b.append(host);
        if (port != -1 && port != defaultPort()) {
            b.append(':').append(port);
        }
        new TreeMap<>(params).forEach((name, value) -> {
            if (IDENTITY_PARAMS.contains(name)) {
                b.append(';').append(name);
                if (!value.isEmpty()) {
                    b.append('=').append(value);
                }
            }
        });
        return b.toString();
    }

    @Override
    public String toString() {
        return canonical();
    }
}
