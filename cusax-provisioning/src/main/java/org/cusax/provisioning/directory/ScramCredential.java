package org.cusax.provisioning.directory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an XMPP server keeps to run SASL SCRAM without the password (RFC 5802 §3, RFC 7677): salt,
 * iteration count, StoredKey = H(HMAC(SaltedPassword, "Client Key")) and ServerKey =
 * HMAC(SaltedPassword, "Server Key"), SaltedPassword = Hi(password, salt, i) = PBKDF2 with the hash's HMAC.
 * Byte values are base64 here, as in RFC 5803. The password is used as given (no SASLprep).
 */
public record ScramCredential(String mechanism, String salt, int iterations, String storedKey, String serverKey) {

    /** SCRAM-SHA-1 or SCRAM-SHA-256. */
    public static ScramCredential derive(String mechanism, char[] password, byte[] salt, int iterations) {
        String hmac;
        String hash;
        switch (mechanism) {
            case "SCRAM-SHA-1" -> { hmac = "HmacSHA1"; hash = "SHA-1"; }
            case "SCRAM-SHA-256" -> { hmac = "HmacSHA256"; hash = "SHA-256"; }
            default -> throw new IllegalArgumentException("unknown SCRAM mechanism " + mechanism);
        }
        try {
            Mac mac = Mac.getInstance(hmac);
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2With" + hmac);
            byte[] salted = factory.generateSecret(new PBEKeySpec(password, salt, iterations,
                    mac.getMacLength() * 8)).getEncoded();
            mac.init(new SecretKeySpec(salted, hmac));
            byte[] clientKey = mac.doFinal("Client Key".getBytes(StandardCharsets.US_ASCII));
            byte[] serverKey = mac.doFinal("Server Key".getBytes(StandardCharsets.US_ASCII));
            byte[] storedKey = MessageDigest.getInstance(hash).digest(clientKey);
            Base64.Encoder b64 = Base64.getEncoder();
            return new ScramCredential(mechanism, b64.encodeToString(salt), iterations, b64.encodeToString(storedKey),
                    b64.encodeToString(serverKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + hmac, e);
        }
    }
}
