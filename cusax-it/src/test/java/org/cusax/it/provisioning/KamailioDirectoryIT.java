package org.cusax.it.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;

import org.cusax.provisioning.directory.Directory;
import org.cusax.provisioning.directory.DirectoryDatabase;
import org.cusax.provisioning.directory.StoredCredentials;
import org.cusax.provisioning.directory.UserId;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.kamailio.DigestAlgorithm;
import org.cusax.testbed.kamailio.KamailioServer;
import org.cusax.testbed.postgres.LocalPostgres;
import org.cusax.testbed.sip.SipProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kamailio (deploy/kamailio, {@code CUSAX_DIRECTORY_DB}) authenticates REGISTER (RFC 3261 §22, digest
 * SHA-256 of RFC 8760 and MD5) from the cusax user directory on a real PostgreSQL: a user added by the
 * directory registers with no Kamailio-side step, a password change counts at once, a removed or
 * disabled user is refused (issue 12 item 4).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KamailioDirectoryIT {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults().withProsody(false)
            .withDigestAlgorithm(DigestAlgorithm.SHA_256));
    private LocalPostgres pg;
    private DirectoryDatabase db;
    private Directory directory;

    @BeforeAll
    void directoryFeedsKamailio() throws Exception {
        pg = LocalPostgres.start();
        String jdbc = pg.createDatabase("cusax");
        db = DirectoryDatabase.open(jdbc, pg.user(), "");
        directory = new Directory(db.dataSource(), StoredCredentials.WorkFactors.DEFAULT, new SecureRandom());
        KamailioServer kamailio = TB.testbed().kamailio();
        kamailio.useDirectory(jdbc.replace("jdbc:postgresql://", "postgres://" + pg.user() + "@"));
        kamailio.restart();
    }

    @AfterAll
    void stop() {
        try {
            if (db != null) {
                db.close();
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    private int register(String user, String password) {
        SipProbe probe = TB.testbed().kamailio().probe();
        return probe.register(user, password, "sip:" + user + "@127.0.0.1:45999", 60).status();
    }

    @Test
    void directoryUserRegistersAndPasswordChangesCountAtOnce() {
        UserId dora = new UserId("dora", TB.testbed().domain());
        directory.add(dora, "Dora", "", List.of(), "first-pw".toCharArray());
        assertThat(register("dora", "first-pw")).as(TB.testbed().kamailio().logTail(30)).isEqualTo(200);
        assertThat(register("dora", "wrong")).isEqualTo(401);

        directory.setPassword(dora, "second-pw".toCharArray());
        assertThat(register("dora", "first-pw")).isEqualTo(401);
        assertThat(register("dora", "second-pw")).isEqualTo(200);

        directory.setEnabled(dora, false);
        assertThat(register("dora", "second-pw")).isEqualTo(401);
        directory.remove(dora);
        assertThat(register("dora", "second-pw")).isEqualTo(401);
    }

    /** RFC 7616 MD5 (what sipp and older phones answer): the directory's ha1_md5 column. */
    @Test
    void md5ChallengesUseTheMd5Ha1() {
        UserId finn = new UserId("finn", TB.testbed().domain());
        directory.add(finn, "Finn", "", List.of(), "finn-pw".toCharArray());
        KamailioServer kamailio = TB.testbed().kamailio();
        kamailio.setDigestAlgorithm(DigestAlgorithm.MD5);
        kamailio.restart();
        try {
            assertThat(register("finn", "finn-pw")).as(kamailio.logTail(30)).isEqualTo(200);
            assertThat(register("finn", "nope")).isEqualTo(401);
        } finally {
            kamailio.setDigestAlgorithm(DigestAlgorithm.SHA_256);
            kamailio.restart();
        }
    }

    @Test
    void unknownUserAndSqlInDigestUserAreRefused() {
        assertThat(register("nobody", "x")).isEqualTo(401);
        UserId eve = new UserId("eve", TB.testbed().domain());
        directory.add(eve, "Eve", "", List.of(), "eve-pw".toCharArray());
        // a valid SIP user part that would end the SQL string and comment out the rest
        assertThat(register("eve'--", "eve-pw")).isEqualTo(401);
        assertThat(register("eve", "eve-pw")).isEqualTo(200);
    }
}
