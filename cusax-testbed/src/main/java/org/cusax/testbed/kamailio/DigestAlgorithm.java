package org.cusax.testbed.kamailio;

/** The digest algorithm Kamailio offers in its challenges (one per instance in Kamailio 5.6). */
public enum DigestAlgorithm {
    /** RFC 2617 MD5; what sipp 3.6 and most deployed phones support. */
    MD5("MD5"),
    /** RFC 8760 SHA-256. */
    SHA_256("SHA-256");

    private final String token;

    DigestAlgorithm(String token) {
        this.token = token;
    }

    /** The algorithm token as it appears in the challenge ({@code algorithm=SHA-256}). */
    public String token() {
        return token;
    }
}
