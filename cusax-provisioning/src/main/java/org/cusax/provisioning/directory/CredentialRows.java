package org.cusax.provisioning.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads and writes the {@code user_credential} row of a user. */
final class CredentialRows {
    private static final String COLUMNS = "pbkdf2_salt, pbkdf2_iterations, pbkdf2_hash, "
            + "scram_sha1_salt, scram_sha1_iterations, scram_sha1_stored_key, scram_sha1_server_key, "
            + "scram_sha256_salt, scram_sha256_iterations, scram_sha256_stored_key, scram_sha256_server_key, "
            + "sip_realm, ha1_md5, ha1_sha256";

    private CredentialRows() {
    }

    static void insert(Connection c, UserId id, StoredCredentials k) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO user_credential (" + COLUMNS
                + ", user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(s, id, k);
            s.executeUpdate();
        }
    }

    static void replace(Connection c, UserId id, StoredCredentials k) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM user_credential WHERE user_id = ?")) {
            s.setString(1, id.toString());
            s.executeUpdate();
        }
        insert(c, id, k);
    }

    static Optional<StoredCredentials> read(Connection c, UserId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM user_credential WHERE user_id = ?")) {
            s.setString(1, id.toString());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredCredentials(new PasswordHash(r.getString(1), r.getInt(2), r.getString(3)),
                        new ScramCredential("SCRAM-SHA-1", r.getString(4), r.getInt(5), r.getString(6), r.getString(7)),
                        new ScramCredential("SCRAM-SHA-256", r.getString(8), r.getInt(9), r.getString(10),
                                r.getString(11)),
                        r.getString(12), r.getString(13), r.getString(14)));
            }
        }
    }

    private static void bind(PreparedStatement s, UserId id, StoredCredentials k) throws SQLException {
        s.setString(1, k.provisioning().salt());
        s.setInt(2, k.provisioning().iterations());
        s.setString(3, k.provisioning().hash());
        scram(s, 4, k.scramSha1());
        scram(s, 8, k.scramSha256());
        s.setString(12, k.sipRealm());
        s.setString(13, k.ha1Md5());
        s.setString(14, k.ha1Sha256());
        s.setString(15, id.toString());
    }

    private static void scram(PreparedStatement s, int at, ScramCredential k) throws SQLException {
        s.setString(at, k.salt());
        s.setInt(at + 1, k.iterations());
        s.setString(at + 2, k.storedKey());
        s.setString(at + 3, k.serverKey());
    }
}
