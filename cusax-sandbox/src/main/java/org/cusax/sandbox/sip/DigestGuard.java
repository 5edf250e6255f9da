package org.cusax.sandbox.sip;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.header.ParametersHeader;

import org.cusax.sip.auth.DigestCalculator;

/**
 * Digest authentication on the server side (RFC 3261 §22, RFC 7616 with the SIP algorithms of
 * RFC 8760): challenges offer the configured algorithms in order (SHA-256 first, then MD5, by default), each with {@code qop=auth}; the realm is the
 * sandbox domain. Nonces are stateless: a timestamp and an HMAC over it with a per-run key, valid for
 * {@link #NONCE_LIFETIME} (older ones are answered with {@code stale=true}). Nonce counts are not
 * tracked (a sandbox, not a hardened server).
 */
final class DigestGuard {
    static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    /** The outcome of checking a request's credentials. */
    enum Verdict {
        /** No credentials for our realm: challenge. */
        MISSING,
        /** Credentials on an expired or foreign nonce: challenge again with stale=true. */
        STALE,
        /** Wrong password, unknown user, or a user other than the one required: 403. */
        WRONG,
        /** The credentials prove the password of the required user. */
        OK
    }

    private final String realm;
    private final SandboxUsers users;
    private final HeaderFactory headers;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final List<String> offered;

    DigestGuard(String realm, List<String> offered, SandboxUsers users, HeaderFactory headers, Clock clock) {
        this.realm = realm;
        this.offered = List.copyOf(offered);
        this.users = users;
        this.headers = headers;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /**
     * Checks the request's Authorization (registrar, {@code proxy = false}) or Proxy-Authorization
     * ({@code proxy = true}) for our realm against the password of {@code requiredUser}.
     */
    Verdict verify(Request request, boolean proxy, String requiredUser) {
        String name = proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME;
        ListIterator<?> it = request.getHeaders(name);
        boolean anyForUs = false;
        while (it != null && it.hasNext()) {
            Object h = it.next();
            if (!(h instanceof ParametersHeader p) || !realm.equals(p.getParameter("realm"))) {
                continue;
            }
            anyForUs = true;
            Verdict v = check(p, request.getMethod(), requiredUser);
            if (v != Verdict.MISSING) {
                return v;
            }
        }
        return anyForUs ? Verdict.WRONG : Verdict.MISSING;
    }

    private Verdict check(ParametersHeader p, String method, String requiredUser) {
        String algorithm = Optional.ofNullable(p.getParameter("algorithm")).orElse("MD5").toUpperCase(Locale.ROOT);
        String username = p.getParameter("username");
        String nonce = p.getParameter("nonce");
        String uri = p.getParameter("uri");
        String response = p.getParameter("response");
        String qop = p.getParameter("qop");
        String nc = p.getParameter("nc");
        String cnonce = p.getParameter("cnonce");
        if (!offered.contains(algorithm) || username == null || nonce == null || uri == null
                || response == null || (qop != null && (!qop.equalsIgnoreCase("auth") || nc == null || cnonce == null))) {
            return Verdict.WRONG;
        }
        if (!freshNonce(nonce)) {
            return Verdict.STALE;
        }
        if (!username.equals(requiredUser)) {
            return Verdict.WRONG;
        }
        String nq = qop == null ? null : "auth";
        String expected;
        Optional<String> ha1 = users.storedHa1(username, algorithm);
        if (ha1.isPresent()) {
            expected = responseFromHa1(algorithm, ha1.get(), method, uri, nonce, nc, cnonce, nq);
        } else {
            Optional<char[]> password = users.password(username);
            if (password.isEmpty()) {
                return Verdict.WRONG;
            }
            char[] pw = password.get();
            try {
                expected = DigestCalculator.response(algorithm, username, realm, pw, method, uri, nonce, nc, cnonce, nq);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII)) ? Verdict.OK : Verdict.WRONG;
    }

    /** RFC 7616 §3.4.1: KD(HA1, nonce:nc:cnonce:qop:H(A2)), or KD(HA1, nonce:H(A2)) without qop. */
    static String responseFromHa1(String algorithm, String ha1, String method, String uri, String nonce, String nc,
                                  String cnonce, String qop) {
        String ha2 = hash(algorithm, method + ":" + uri);
        return hash(algorithm, qop == null ? ha1 + ":" + nonce + ":" + ha2
                : ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    private static String hash(String algorithm, String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance(algorithm.equals("MD5") ? "MD5" : "SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no " + algorithm, e);
        }
    }

    /** Adds one challenge per algorithm (SHA-256 first) to a 401 or 407 response. */
    void challenge(Response response, boolean stale) throws ParseException {
        boolean proxy = response.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        String nonce = newNonce();
        for (String algorithm : offered) {
            WWWAuthenticateHeader h = proxy ? headers.createProxyAuthenticateHeader("Digest")
                    : headers.createWWWAuthenticateHeader("Digest");
            h.setRealm(realm);
            h.setNonce(nonce);
            h.setAlgorithm(algorithm);
            h.setQop("auth");
            if (stale) {
                h.setStale(true);
            }
            response.addHeader(proxy ? (ProxyAuthenticateHeader) h : h);
        }
    }

    String newNonce() {
        ByteBuffer b = ByteBuffer.allocate(8 + 16);
        long now = clock.millis();
        b.putLong(now).put(mac(now), 0, 16);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    private boolean freshNonce(String nonce) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (raw.length != 24) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        long issued = b.getLong();
        byte[] tag = Arrays.copyOfRange(raw, 8, 24);
        long age = clock.millis() - issued;
        return MessageDigest.isEqual(tag, Arrays.copyOf(mac(issued), 16)) && age >= 0
                && age <= NONCE_LIFETIME.toMillis();
    }

    private byte[] mac(long issued) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(ByteBuffer.allocate(8).putLong(issued).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no HmacSHA256", e);
        }
    }
}
