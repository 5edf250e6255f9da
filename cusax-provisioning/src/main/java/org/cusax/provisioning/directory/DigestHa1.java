package org.cusax.provisioning.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SIP digest HA1 = H(username ":" realm ":" password) in lower-case hex (RFC 7616 §3.4.2, RFC 8760). */
public final class DigestHa1 {
    private DigestHa1() {
    }

    /** @param algorithm {@code MD5} or {@code SHA-256} */
    public static String of(String algorithm, String username, String realm, char[] password) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            md.update((username + ":" + realm + ":").getBytes(StandardCharsets.UTF_8));
            md.update(StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("unknown digest algorithm " + algorithm, e);
        }
    }
}
