package org.cusax.provisioning.server;

import java.security.SecureRandom;
import java.util.Optional;

import org.cusax.provisioning.directory.Directory;
import org.cusax.provisioning.directory.DirectoryUser;
import org.cusax.provisioning.directory.PasswordHash;
import org.cusax.provisioning.directory.StoredCredentials;
import org.cusax.provisioning.directory.UserId;

/**
 * Checks a user id and password against the directory. An unknown, malformed or disabled user costs the
 * same work as a wrong password (a decoy hash with the same iterations is checked), and the comparison is
 * constant-time, so an answer's timing does not tell whether a user exists.
 */
public final class CredentialCheck {
    private final Directory directory;
    private final String defaultDomain;
    private final PasswordHash decoy;

    public CredentialCheck(Directory directory, String defaultDomain, StoredCredentials.WorkFactors work,
            SecureRandom random) {
        this.directory = directory;
        this.defaultDomain = defaultDomain;
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        char[] noPassword = Long.toHexString(random.nextLong()).toCharArray();
        this.decoy = PasswordHash.derive(noPassword, salt, work.pbkdf2Iterations());
    }

    /** The user id as the throttle counts it: normalized when valid, else as typed. */
    public String subject(String typed) {
        try {
            return UserId.parse(typed, defaultDomain).toString();
        } catch (IllegalArgumentException e) {
            return typed;
        }
    }

    /** The user, if the id names an enabled user whose password this is. */
    public Optional<DirectoryUser> check(String typedUser, char[] password) {
        Optional<DirectoryUser> user;
        try {
            user = directory.find(UserId.parse(typedUser, defaultDomain)).filter(DirectoryUser::enabled);
        } catch (IllegalArgumentException e) {
            user = Optional.empty();
        }
        Optional<StoredCredentials> stored = user.flatMap(u -> directory.credentials(u.id()));
        PasswordHash hash = stored.map(StoredCredentials::provisioning).orElse(decoy);
        boolean matches = hash.matches(password);
        return matches && stored.isPresent() ? user : Optional.empty();
    }
}
