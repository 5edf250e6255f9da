package org.cusax.provisioning.directory;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The user directory: adds, changes and removes users, their numbers and their password. A password is
 * set in exactly one place ({@link #setPassword}) and kept in every form a consumer needs
 * ({@link StoredCredentials}); the password itself is never stored.
 */
public final class Directory {
    private final DataSource db;
    private final StoredCredentials.WorkFactors work;
    private final SecureRandom random;

    public Directory(DataSource db, StoredCredentials.WorkFactors work, SecureRandom random) {
        this.db = db;
        this.work = work;
        this.random = random;
    }

    /** Adds a user with a password; fails if the id exists. */
    public DirectoryUser add(UserId id, String displayName, String sipAor, List<PhoneNumber> phones, char[] password) {
        DirectoryUser user = new DirectoryUser(id, displayName,
                sipAor == null || sipAor.isBlank() ? DirectoryUser.defaultAor(id) : sipAor, phones, true, 1);
        StoredCredentials credentials = StoredCredentials.derive(user, password, work, random);
        inTransaction(c -> {
            if (exists(c, id)) {
                throw new DirectoryException("user " + id + " already exists");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO directory_user (user_id, localpart, domain, "
                    + "display_name, sip_aor, enabled, revision) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, id.toString());
                s.setString(2, id.localpart());
                s.setString(3, id.domain());
                s.setString(4, user.displayName());
                s.setString(5, user.sipAor());
                s.setBoolean(6, true);
                s.setLong(7, 1);
                s.executeUpdate();
            }
            writePhones(c, id, phones);
            CredentialRows.insert(c, id, credentials);
            return null;
        });
        return user;
    }

    /** Removes a user with numbers and credentials; false if there was none. */
    public boolean remove(UserId id) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM directory_user WHERE user_id = ?")) {
                s.setString(1, id.toString());
                return s.executeUpdate() > 0;
            }
        });
    }

    /** Sets the user's one password: every stored form changes together. */
    public void setPassword(UserId id, char[] password) {
        DirectoryUser user = find(id).orElseThrow(() -> new DirectoryException("no user " + id));
        StoredCredentials credentials = StoredCredentials.derive(user, password, work, random);
        inTransaction(c -> {
            CredentialRows.replace(c, id, credentials);
            bumpRevision(c, id);
            return null;
        });
    }

    /** Replaces the numbers the directory owns in the user's vCard. */
    public void setPhones(UserId id, List<PhoneNumber> phones) {
        inTransaction(c -> {
            if (!exists(c, id)) {
                throw new DirectoryException("no user " + id);
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM user_phone WHERE user_id = ?")) {
                s.setString(1, id.toString());
                s.executeUpdate();
            }
            writePhones(c, id, phones);
            bumpRevision(c, id);
            return null;
        });
    }

    /** Enables or disables a user (a disabled user cannot sign in). */
    public void setEnabled(UserId id, boolean enabled) {
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE directory_user SET enabled = ?, revision = revision + 1 WHERE user_id = ?")) {
                s.setBoolean(1, enabled);
                s.setString(2, id.toString());
                if (s.executeUpdate() == 0) {
                    throw new DirectoryException("no user " + id);
                }
            }
            return null;
        });
    }

    public Optional<DirectoryUser> find(UserId id) {
        List<DirectoryUser> found = query("WHERE user_id = ?", id.toString());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every user, ordered by id. */
    public List<DirectoryUser> list() {
        return query("", null);
    }

    /** The stored forms of the user's password, if the user exists. */
    public Optional<StoredCredentials> credentials(UserId id) {
        return inTransaction(c -> CredentialRows.read(c, id));
    }

    private List<DirectoryUser> query(String where, String arg) {
        return inTransaction(c -> {
            List<DirectoryUser> users = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT user_id, localpart, domain, display_name, sip_aor, "
                    + "enabled, revision FROM directory_user " + where + " ORDER BY user_id")) {
                if (arg != null) {
                    s.setString(1, arg);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        UserId id = new UserId(r.getString(2), r.getString(3));
                        users.add(new DirectoryUser(id, r.getString(4), r.getString(5), phones(c, id),
                                r.getBoolean(6), r.getLong(7)));
                    }
                }
            }
            return users;
        });
    }

    private static List<PhoneNumber> phones(Connection c, UserId id) throws SQLException {
        List<PhoneNumber> phones = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT label, number FROM user_phone WHERE user_id = ? ORDER BY position")) {
            s.setString(1, id.toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    phones.add(new PhoneNumber(r.getString(1), r.getString(2)));
                }
            }
        }
        return phones;
    }

    private static void writePhones(Connection c, UserId id, List<PhoneNumber> phones) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO user_phone (user_id, position, label, number) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (PhoneNumber phone : phones) {
                s.setString(1, id.toString());
                s.setInt(2, position++);
                s.setString(3, phone.label());
                s.setString(4, phone.number());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static boolean exists(Connection c, UserId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM directory_user WHERE user_id = ?")) {
            s.setString(1, id.toString());
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static void bumpRevision(Connection c, UserId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE directory_user SET revision = revision + 1 WHERE user_id = ?")) {
            s.setString(1, id.toString());
            s.executeUpdate();
        }
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.run(db, work);
    }
}
