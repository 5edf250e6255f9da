package org.cusax.media.srtp;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * An SRTP master key and salt (16 + 14 bytes), as carried in SDES {@code inline:} key parameters
 * (RFC 4568 §6.1: base64 of key followed by salt). A secret: {@link #toString()} never shows it.
 */
public final class SrtpKey {
    /** Key plus salt. */
    public static final int LENGTH = SrtpProfile.KEY_LENGTH + SrtpProfile.SALT_LENGTH;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] material;

    private SrtpKey(byte[] material) {
        if (material.length != LENGTH) {
            throw new IllegalArgumentException("an SRTP master key and salt are " + LENGTH + " bytes, got "
                    + material.length);
        }
        this.material = material.clone();
    }

    /** A fresh random key from a strong random source. */
    public static SrtpKey generate() {
        byte[] b = new byte[LENGTH];
        RANDOM.nextBytes(b);
        return new SrtpKey(b);
    }

    /** Key and salt from raw bytes (30 bytes, key first). */
    public static SrtpKey of(byte[] keyAndSalt) {
        return new SrtpKey(keyAndSalt);
    }

    /** Parses the base64 of an {@code inline:} key (without the prefix, lifetime or MKI). */
    public static SrtpKey fromBase64(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SDES inline key is not valid base64");
        }
        if (decoded.length != LENGTH) {
            throw new IllegalArgumentException("SDES inline key must decode to " + LENGTH + " bytes, got "
                    + decoded.length);
        }
        return new SrtpKey(decoded);
    }

    /** The base64 form for {@code inline:} (40 characters, no padding needed). */
    public String base64() {
        return Base64.getEncoder().encodeToString(material);
    }

    byte[] masterKey() {
        return Arrays.copyOfRange(material, 0, SrtpProfile.KEY_LENGTH);
    }

    byte[] masterSalt() {
        return Arrays.copyOfRange(material, SrtpProfile.KEY_LENGTH, LENGTH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpKey k && MessageDigest.isEqual(material, k.material);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(material);
    }

    @Override
    public String toString() {
        return "SrtpKey[redacted]";
    }
}
