package org.cusax.provisioning.directory;

import java.security.SecureRandom;

/**
 * Every form in which the directory keeps one user's password: never the password itself.
 *
 * @param provisioning the provisioning server's slow hash
 * @param scramSha1    for XMPP SCRAM-SHA-1
 * @param scramSha256  for XMPP SCRAM-SHA-256
 * @param sipRealm     the digest realm the HA1 values are for (the SIP domain)
 * @param ha1Md5       SIP digest HA1 with MD5 of {@code authUser:realm:password}
 * @param ha1Sha256    the same with SHA-256
 */
public record StoredCredentials(PasswordHash provisioning, ScramCredential scramSha1, ScramCredential scramSha256,
        String sipRealm, String ha1Md5, String ha1Sha256) {

    /** Work factors; {@link PasswordHash#MIN_ITERATIONS} is the floor for the provisioning hash. */
    public record WorkFactors(int pbkdf2Iterations, int scramIterations) {
        public static final WorkFactors DEFAULT = new WorkFactors(PasswordHash.MIN_ITERATIONS, 4096);

        public WorkFactors {
            if (pbkdf2Iterations < PasswordHash.MIN_ITERATIONS) {
                throw new IllegalArgumentException("PBKDF2 needs at least " + PasswordHash.MIN_ITERATIONS + " iterations");
            }
            if (scramIterations < 4096) {
                throw new IllegalArgumentException("SCRAM needs at least 4096 iterations (RFC 7677 §4)");
            }
        }
    }

    /** Derives every form from {@code password}, each with its own random salt. */
    public static StoredCredentials derive(DirectoryUser user, char[] password, WorkFactors work, SecureRandom random) {
        if (password.length == 0) {
            throw new IllegalArgumentException("empty password");
        }
        String realm = user.sipDomain();
        return new StoredCredentials(PasswordHash.derive(password, salt(random), work.pbkdf2Iterations()),
                ScramCredential.derive("SCRAM-SHA-1", password, salt(random), work.scramIterations()),
                ScramCredential.derive("SCRAM-SHA-256", password, salt(random), work.scramIterations()),
                realm, DigestHa1.of("MD5", user.sipAuthUser(), realm, password),
                DigestHa1.of("SHA-256", user.sipAuthUser(), realm, password));
    }

    private static byte[] salt(SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return salt;
    }

    @Override
    public String toString() {
        return "StoredCredentials[realm=" + sipRealm + "]";
    }
}
