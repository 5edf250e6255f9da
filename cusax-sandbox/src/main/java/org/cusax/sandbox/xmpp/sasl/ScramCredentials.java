package org.cusax.sandbox.xmpp.sasl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a SCRAM-SHA-1 server keeps for one user instead of the password (RFC 5802 §3): salt, iteration
 * count, StoredKey = H(HMAC(SaltedPassword, "Client Key")) and ServerKey = HMAC(SaltedPassword, "Server Key").
 */
public final class ScramCredentials {
    /** The iteration count of RFC 5802 §5's example, also Prosody's default. */
    public static final int DEFAULT_ITERATIONS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] salt;
    private final int iterations;
    private final byte[] storedKey;
    private final byte[] serverKey;

    private ScramCredentials(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
        this.salt = salt;
        this.iterations = iterations;
        this.storedKey = storedKey;
        this.serverKey = serverKey;
    }

    /** Derives the credentials of {@code password} with a fresh random 16-byte salt. */
    public static ScramCredentials derive(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return derive(password, salt, DEFAULT_ITERATIONS);
    }

    /** Derives the credentials of {@code password} with the given salt and iteration count. */
    public static ScramCredentials derive(String password, byte[] salt, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iteration count must be positive");
        }
        byte[] salted = saltedPassword(password, salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] storedKey = sha1(clientKey);
        byte[] serverKey = hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        Arrays.fill(salted, (byte) 0);
        return new ScramCredentials(salt.clone(), iterations, storedKey, serverKey);
    }

    /**
     * Credentials kept elsewhere (a user directory's SCRAM-SHA-1 row, RFC 5803), without the password.
     *
     * @param storedKey H(ClientKey), 20 bytes
     * @param serverKey HMAC(SaltedPassword, "Server Key"), 20 bytes
     */
    public static ScramCredentials of(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
        if (iterations < 1 || salt.length == 0 || storedKey.length != 20 || serverKey.length != 20) {
            throw new IllegalArgumentException("not SCRAM-SHA-1 credentials (salt, iterations, 20-byte keys)");
        }
        return new ScramCredentials(salt.clone(), iterations, storedKey.clone(), serverKey.clone());
    }

    public byte[] salt() {
        return salt.clone();
    }

    public int iterations() {
        return iterations;
    }

    /** Whether {@code password} derives to these credentials (for PLAIN over TLS); constant-time comparison. */
    public boolean matches(String password) {
        return MessageDigest.isEqual(derive(password, salt, iterations).storedKey, storedKey);
    }

    byte[] storedKey() {
        return storedKey.clone();
    }

    byte[] serverKey() {
        return serverKey.clone();
    }

    /** Hi(password, salt, i) of RFC 5802 §2.2: PBKDF2 with HMAC-SHA-1 over the UTF-8 password. */
    static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        // The sandbox does not apply SASLprep (RFC 4013): passwords are used as given, which matches
        // Smack for the ASCII and already-normalised passwords that demo users have.
        char[] chars = password.toCharArray();
        try {
            PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, 160);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA1 is not available", e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "ScramCredentials[iterations=" + iterations + "]"; // never the keys
    }
}
