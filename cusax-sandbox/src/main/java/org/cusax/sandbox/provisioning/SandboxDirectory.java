package org.cusax.sandbox.provisioning;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.cusax.provisioning.directory.Directory;
import org.cusax.provisioning.directory.DirectoryDatabase;
import org.cusax.provisioning.directory.DirectoryException;
import org.cusax.provisioning.directory.PhoneNumber;
import org.cusax.provisioning.directory.ScramCredential;
import org.cusax.provisioning.directory.StoredCredentials;
import org.cusax.provisioning.directory.UserId;
import org.cusax.sandbox.xmpp.sasl.ScramCredentials;

/**
 * The sandbox's user directory: cusax-provisioning's {@link Directory} on H2 in memory (dropped at
 * {@link #close()}). A password is set here once; the provisioning server checks its PBKDF2 hash, and the
 * sandbox's XMPP server and SIP registrar get only the forms they need from here ({@link #scramSha1},
 * {@link #digestHa1}), as Prosody and Kamailio do from the production directory.
 */
public final class SandboxDirectory implements AutoCloseable {
    private final String domain;
    private final DirectoryDatabase database;
    private final Directory directory;
    private final SecureRandom random;

    private SandboxDirectory(String domain, DirectoryDatabase database, Directory directory, SecureRandom random) {
        this.domain = domain;
        this.database = database;
        this.directory = directory;
        this.random = random;
    }

    /** Opens an empty directory for {@code domain} (Flyway migrates the schema). */
    public static SandboxDirectory open(String domain) {
        SecureRandom random = new SecureRandom();
        byte[] name = new byte[8];
        random.nextBytes(name);
        DirectoryDatabase database = DirectoryDatabase.open(
                "jdbc:h2:mem:cusax-sandbox-" + HexFormat.of().formatHex(name) + ";DB_CLOSE_DELAY=-1", "", "");
        return new SandboxDirectory(domain, database,
                new Directory(database.dataSource(), StoredCredentials.WorkFactors.DEFAULT, random), random);
    }

    /** Adds {@code user@domain} with a display name, the numbers of its vCard and a password. */
    public void add(String user, String displayName, List<PhoneNumber> numbers, String password) {
        directory.add(id(user), displayName, null, numbers, password.toCharArray());
    }

    /** The numbers of {@code user}'s vCard as the directory holds them now (none for an unknown user). */
    public List<PhoneNumber> phones(String user) {
        return directory.find(id(user)).map(u -> u.phones()).orElse(List.of());
    }

    /** Replaces the numbers of {@code user}'s vCard (what {@code cusax admin user set-tel} does). */
    public void setPhones(String user, List<PhoneNumber> numbers) {
        directory.setPhones(id(user), numbers);
    }

    /** The SCRAM-SHA-1 credentials the directory keeps for {@code user} (for the XMPP server). */
    public ScramCredentials scramSha1(String user) {
        ScramCredential c = stored(user).scramSha1();
        Base64.Decoder b64 = Base64.getDecoder();
        return ScramCredentials.of(b64.decode(c.salt()), c.iterations(), b64.decode(c.storedKey()),
                b64.decode(c.serverKey()));
    }

    /** The digest HA1 values the directory keeps for {@code user}, by algorithm (for the SIP registrar). */
    public Map<String, String> digestHa1(String user) {
        StoredCredentials c = stored(user);
        if (!c.sipRealm().equals(domain)) {
            throw new IllegalStateException("HA1 of " + user + " is for realm " + c.sipRealm() + ", not " + domain);
        }
        Map<String, String> ha1 = new LinkedHashMap<>();
        ha1.put("SHA-256", c.ha1Sha256());
        ha1.put("MD5", c.ha1Md5());
        return ha1;
    }

    private StoredCredentials stored(String user) {
        return directory.credentials(id(user))
                .orElseThrow(() -> new DirectoryException("no user " + user + " in the sandbox directory"));
    }

    private UserId id(String user) {
        return UserId.parse(user, domain);
    }

    String domain() {
        return domain;
    }

    Directory directory() {
        return directory;
    }

    DataSource dataSource() {
        return database.dataSource();
    }

    SecureRandom random() {
        return random;
    }

    /** Drops the in-memory database and closes its pool. Idempotent. */
    @Override
    public void close() {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN"); // the in-memory database would outlive its pool (DB_CLOSE_DELAY=-1)
        } catch (SQLException e) {
            // closed already: nothing to drop
        } finally {
            database.close();
        }
    }
}
