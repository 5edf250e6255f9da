package org.cusax.testbed.secrets;

import java.security.SecureRandom;

/**
 * Passwords for test users: {@link #MARKER} followed by random characters, so that any copy of any test
 * password in a file is found by looking for the marker alone ({@link SecretScan}).
 */
public final class TestPasswords {
    /** Begins every test password; letters and digits only, accepted by Prosody, Kamailio, sipp and baresip. */
    public static final String MARKER = "CusaxTestSecret7";
    private static final char[] CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestPasswords() {
    }

    /** A new password: the marker and 16 random letters or digits. */
    public static String next() {
        StringBuilder b = new StringBuilder(MARKER);
        for (int i = 0; i < 16; i++) {
            b.append(CHARS[RANDOM.nextInt(CHARS.length)]);
        }
        return b.toString();
    }
}
