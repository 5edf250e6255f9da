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

    /**
     * The marker as it appears in a file: as is, and inside base64 at each of the three byte alignments (SASL
     * PLAIN in a stream log, HTTP Basic in a request log), each cut to the base64 groups that encode marker
     * bytes only, so they match whatever surrounds the password.
     */
    public static java.util.List<String> markerForms() {
        java.util.List<String> forms = new java.util.ArrayList<>(java.util.List.of(MARKER));
        byte[] marker = MARKER.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int k = 0; k < 3; k++) {
            byte[] shifted = new byte[k + marker.length];
            System.arraycopy(marker, 0, shifted, k, marker.length);
            String b64 = java.util.Base64.getEncoder().encodeToString(shifted);
            int firstGroup = (k + 2) / 3; // the first group starting at or after byte k
            int lastGroup = (k + marker.length) / 3; // groups before this end inside the marker
            forms.add(b64.substring(firstGroup * 4, lastGroup * 4));
        }
        return java.util.List.copyOf(forms);
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
