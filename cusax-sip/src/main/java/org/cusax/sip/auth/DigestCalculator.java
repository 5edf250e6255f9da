package org.cusax.sip.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * The digest computation of RFC 7616 §3.4.1 (as used by SIP, RFC 3261 §22.4 and RFC 8760):
 * <pre>
 *   A1 = username ":" realm ":" password
 *   A2 = method ":" digest-uri
 *   response = H(H(A1) ":" nonce ":" nc ":" cnonce ":" qop ":" H(A2))   with qop
 *   response = H(H(A1) ":" nonce ":" H(A2))                             without qop (RFC 2069)
 * </pre>
 * H is MD5 or SHA-256 from {@link MessageDigest}, rendered as lower-case hex. The password is only
 * held as characters and encoded into a buffer that is wiped after use.
 */
public final class DigestCalculator {
    private static final Map<String, String> JCA_NAMES = Map.of("MD5", "MD5", "SHA-256", "SHA-256");

    private DigestCalculator() {
    }

    /** Whether we can compute this RFC 8760 algorithm. */
    public static boolean supports(String algorithm) {
        return JCA_NAMES.containsKey(algorithm);
    }

    /**
     * @param qop    {@code auth}, or null for an RFC 2069 style response (then nc and cnonce are unused)
     * @param nc     nonce count as 8 hex digits, e.g. {@code 00000001}
     */
    public static String response(String algorithm, String username, String realm, char[] password,
                                  String method, String digestUri, String nonce, String nc, String cnonce,
                                  String qop) {
        MessageDigest md = digest(algorithm);
        String ha1 = hex(md, a1(username, realm, password));
        String ha2 = hex(md, utf8(method + ":" + digestUri));
        String kd = qop == null
                ? ha1 + ":" + nonce + ":" + ha2
                : ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2;
        return hex(md, utf8(kd));
    }

    private static byte[] a1(String username, String realm, char[] password) {
        byte[] prefix = utf8(username + ":" + realm + ":");
        ByteBuffer pw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[prefix.length + pw.remaining()];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        pw.get(out, prefix.length, pw.remaining());
        if (pw.hasArray()) {
            Arrays.fill(pw.array(), (byte) 0);
        }
        return out;
    }

    private static String hex(MessageDigest md, byte[] input) {
        try {
            return HexFormat.of().formatHex(md.digest(input));
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest digest(String algorithm) {
        String jca = JCA_NAMES.get(algorithm);
        if (jca == null) {
            throw new IllegalArgumentException("unsupported digest algorithm '" + algorithm + "'");
        }
        try {
            return MessageDigest.getInstance(jca);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no " + jca + " implementation", e);
        }
    }
}
