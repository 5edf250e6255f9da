package org.cusax.provisioning.directory;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The provisioning server's slow salted hash: PBKDF2-HMAC-SHA256 (JDK), 32-byte result, salt and hash in
 * base64. {@link #matches} compares in constant time.
 */
public record PasswordHash(String salt, int iterations, String hash) {
    /** OWASP's 2023 floor for PBKDF2-HMAC-SHA256. */
    public static final int MIN_ITERATIONS = 210_000;

    public static PasswordHash derive(char[] password, byte[] salt, int iterations) {
        return new PasswordHash(Base64.getEncoder().encodeToString(salt), iterations,
                Base64.getEncoder().encodeToString(pbkdf2(password, salt, iterations)));
    }

    /** Whether {@code password} is the one hashed; always does the full work. */
    public boolean matches(char[] password) {
        byte[] computed = pbkdf2(password, Base64.getDecoder().decode(salt), iterations);
        return MessageDigest.isEqual(computed, Base64.getDecoder().decode(hash));
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        }
    }
}
