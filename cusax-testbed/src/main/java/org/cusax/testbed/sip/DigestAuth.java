package org.cusax.testbed.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Answers a SIP digest challenge (RFC 2617 / RFC 8760): MD5 or SHA-256, qop=auth or none. */
public final class DigestAuth {

    private static final Pattern PARAM = Pattern.compile("([A-Za-z-]+)\\s*=\\s*(\"([^\"]*)\"|[^,\\s]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private DigestAuth() {
    }

    /** Parameters of a {@code Digest ...} challenge, keys lower-case. */
    public static Map<String, String> parseChallenge(String challenge) {
        if (!challenge.regionMatches(true, 0, "Digest ", 0, 7)) {
            throw new IllegalArgumentException("not a digest challenge: " + challenge);
        }
        Map<String, String> params = new HashMap<>();
        Matcher m = PARAM.matcher(challenge.substring(7));
        while (m.find()) {
            params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(3) != null ? m.group(3) : m.group(2));
        }
        return params;
    }

    /** The value of an Authorization / Proxy-Authorization header answering {@code challenge}. */
    public static String authorization(String challenge, String method, String uri, String user, String password) {
        return authorization(challenge, method, uri, user, password, Long.toHexString(RANDOM.nextLong()));
    }

    /** As above with a given client nonce (for known-answer tests). */
    static String authorization(String challenge, String method, String uri, String user, String password,
            String cnonce) {
        Map<String, String> c = parseChallenge(challenge);
        String algorithm = c.getOrDefault("algorithm", "MD5");
        String javaAlgorithm = switch (algorithm.toUpperCase(Locale.ROOT)) {
            case "MD5" -> "MD5";
            case "SHA-256" -> "SHA-256";
            default -> throw new IllegalArgumentException("unsupported digest algorithm " + algorithm);
        };
        String realm = c.get("realm");
        String nonce = c.get("nonce");
        String ha1 = hash(javaAlgorithm, user + ":" + realm + ":" + password);
        String ha2 = hash(javaAlgorithm, method + ":" + uri);
        StringBuilder h = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append('"');
        String qop = c.get("qop");
        if (qop != null && qop.contains("auth")) {
            String nc = "00000001";
            String response = hash(javaAlgorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
            h.append(", response=\"").append(response).append("\", qop=auth, nc=").append(nc)
                    .append(", cnonce=\"").append(cnonce).append('"');
        } else {
            h.append(", response=\"").append(hash(javaAlgorithm, ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        h.append(", algorithm=").append(algorithm);
        if (c.containsKey("opaque")) {
            h.append(", opaque=\"").append(c.get("opaque")).append('"');
        }
        return h.toString();
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
