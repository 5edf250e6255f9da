package org.cusax.sandbox.xmpp.server;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityFormatException;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.authorization.AccountCreationException;
import org.apache.vysper.xmpp.authorization.AccountManagement;
import org.apache.vysper.xmpp.authorization.UserAuthorization;
import org.cusax.sandbox.xmpp.sasl.ScramCredentials;

/**
 * The sandbox's accounts, in memory, keyed by bare JID. Only SCRAM credentials are kept (RFC 5802 §3),
 * never a password; PLAIN, when enabled, is checked by deriving the same credentials from the offered
 * password. Serves Vysper as {@link AccountManagement} (does the recipient exist?) and
 * {@link UserAuthorization} (PLAIN).
 */
public final class SandboxAccounts implements AccountManagement, UserAuthorization {
    private final Map<String, ScramCredentials> accounts = new ConcurrentHashMap<>();

    /** Adds or replaces the account {@code bareJid} with {@code password}. */
    public void put(Entity bareJid, String password) {
        if (!bareJid.isNodeSet() || bareJid.isResourceSet()) {
            throw new IllegalArgumentException("an account is a bare JID with a local part: " + bareJid);
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("an account needs a non-empty password");
        }
        accounts.put(key(bareJid), ScramCredentials.derive(password));
    }

    /** Adds or replaces the account {@code bareJid} with credentials kept elsewhere (no password here). */
    public void put(Entity bareJid, ScramCredentials credentials) {
        if (!bareJid.isNodeSet() || bareJid.isResourceSet()) {
            throw new IllegalArgumentException("an account is a bare JID with a local part: " + bareJid);
        }
        accounts.put(key(bareJid), java.util.Objects.requireNonNull(credentials));
    }

    /** The SCRAM credentials of an account. */
    public Optional<ScramCredentials> credentials(Entity jid) {
        return Optional.ofNullable(accounts.get(key(jid)));
    }

    public Set<String> bareJids() {
        return Set.copyOf(accounts.keySet());
    }

    @Override
    public void addUser(Entity username, String password) throws AccountCreationException {
        try {
            put(username.getBareJID(), password);
        } catch (IllegalArgumentException e) {
            throw new AccountCreationException(e.getMessage());
        }
    }

    @Override
    public void changePassword(Entity username, String password) throws AccountCreationException {
        if (!verifyAccountExists(username)) {
            throw new AccountCreationException("no such account");
        }
        addUser(username, password);
    }

    @Override
    public boolean verifyAccountExists(Entity jid) {
        return jid != null && accounts.containsKey(key(jid));
    }

    @Override
    public boolean verifyCredentials(Entity jid, String passwordCleartext, Object credentials) {
        ScramCredentials known = accounts.get(key(jid));
        if (known == null || passwordCleartext == null) {
            return false;
        }
        return known.matches(passwordCleartext);
    }

    @Override
    public boolean verifyCredentials(String username, String passwordCleartext, Object credentials) {
        try {
            return verifyCredentials(EntityImpl.parse(username), passwordCleartext, credentials);
        } catch (EntityFormatException e) {
            return false;
        }
    }

    private static String key(Entity jid) {
        return jid.getBareJID().getFullQualifiedName().toLowerCase(java.util.Locale.ROOT);
    }
}
