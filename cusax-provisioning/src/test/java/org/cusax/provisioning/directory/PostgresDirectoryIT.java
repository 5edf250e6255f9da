package org.cusax.provisioning.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cusax.provisioning.server.ProvisioningKeys;
import org.cusax.provisioning.server.ServerTls;
import org.cusax.testbed.postgres.LocalPostgres;
import org.cusax.provisioning.support.MutableClock;
import org.cusax.provisioning.support.ProvisioningFixture;
import org.cusax.provisioning.support.TestCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory and two provisioning server instances on a real PostgreSQL (started by the test on
 * 127.0.0.1, stopped afterwards even on failure): the Flyway schema migrates on PostgreSQL, every form of
 * a password changes together, and throttling and lockout counted by one instance hold on the other:
 * 20 fast wrong tries give exactly five 401 and fifteen 429 while another user signs in on both, and
 * 20 counted failures (the delays waited out, clock injected) lock the user on both for 15 minutes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresDirectoryIT {
    @TempDir
    Path certDir;
    private LocalPostgres pg;

    @BeforeAll
    void startPostgres() throws Exception {
        pg = LocalPostgres.start();
    }

    @AfterAll
    void stopPostgres() {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void directoryMigratesAndKeepsEveryFormOfThePassword() throws Exception {
        String url = pg.createDatabase("directory_forms");
        try (DirectoryDatabase db = DirectoryDatabase.open(url, pg.user(), "")) {
            Directory directory = new Directory(db.dataSource(), StoredCredentials.WorkFactors.DEFAULT, new SecureRandom());
            UserId bob = new UserId("bob", "example.test");
            directory.add(bob, "Bob", "", List.of(PhoneNumber.parse("mobile:+33 6 98 76 54 32")), "one".toCharArray());
            directory.setPassword(bob, "two".toCharArray());
            StoredCredentials k = directory.credentials(bob).orElseThrow();
            assertThat(k.provisioning().matches("two".toCharArray())).isTrue();
            assertThat(k.ha1Md5()).isEqualTo(DigestHa1.of("MD5", "bob", "example.test", "two".toCharArray()));
            assertThat(directory.find(bob).orElseThrow().phones()).containsExactly(PhoneNumber.parse("mobile:+33 6 98 76 54 32"));
            assertThat(directory.remove(bob)).isTrue();
            assertThat(directory.credentials(bob)).isEmpty();
        }
        // a second open finds the schema current and keeps the data
        try (DirectoryDatabase db = DirectoryDatabase.open(url, pg.user(), "")) {
            assertThat(new Directory(db.dataSource(), StoredCredentials.WorkFactors.DEFAULT, new SecureRandom()).list()).isEmpty();
        }
    }

    @Test
    void twoServerInstancesShareThrottlingAndLockout() throws Exception {
        String url = pg.createDatabase("directory_throttle");
        TestCertificate cert = TestCertificate.create(certDir);
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (ProvisioningFixture a = new ProvisioningFixture(url, pg.user(), clock, ServerTls.pem(cert.certPem(),
                cert.keyPem()), cert);
                ProvisioningFixture b = new ProvisioningFixture(url, pg.user(), clock, ServerTls.pem(cert.certPem(),
                        cert.keyPem()), cert)) {
            a.directory.add(new UserId("alice", "example.test"), "Alice", "", List.of(), "alice-pw".toCharArray());
            a.directory.add(new UserId("bob", "example.test"), "Bob", "", List.of(), "bob-pw".toCharArray());
            // 20 wrong tries as fast as possible (the clock stands still), alternating between the instances:
            // five are checked and refused, then every try waits out the delay unchecked (docs/provisioning.md)
            List<Integer> statuses = new java.util.ArrayList<>();
            List<String> retryAfter = new java.util.ArrayList<>();
            for (int attempt = 0; attempt < 20; attempt++) {
                HttpResponse<String> r = (attempt % 2 == 0 ? a : b).post(ProvisioningKeys.PATH,
                        Map.of("username", "alice", "password", "fast-guess" + attempt));
                statuses.add(r.statusCode());
                r.headers().firstValue("Retry-After").ifPresent(retryAfter::add);
            }
            assertThat(statuses.subList(0, 5)).containsOnly(401);
            assertThat(statuses.subList(5, 20)).containsOnly(429);
            assertThat(retryAfter).hasSize(15).containsOnly("1");
            // meanwhile another user signs in on both instances
            assertThat(b.post(ProvisioningKeys.PATH, Map.of("username", "bob", "password", "bob-pw")).statusCode())
                    .isEqualTo(200);
            assertThat(a.post(ProvisioningKeys.PATH, Map.of("username", "bob", "password", "bob-pw")).statusCode())
                    .isEqualTo(200);
            // a guesser who waits out each delay: 20 counted failures lock the user for 15 minutes on both
            int rejected = 5;
            for (int attempt = 0; attempt < 60 && rejected < 20; attempt++) {
                HttpResponse<String> r = (attempt % 2 == 0 ? a : b).post(ProvisioningKeys.PATH,
                        Map.of("username", "alice", "password", "slow-guess" + attempt));
                if (r.statusCode() == 429) {
                    clock.advance(java.time.Duration.ofSeconds(Long.parseLong(r.headers().firstValue("Retry-After")
                            .orElseThrow())));
                } else {
                    assertThat(r.statusCode()).as(pg.log()).isEqualTo(401);
                    rejected++;
                }
            }
            assertThat(rejected).isEqualTo(20);
            HttpResponse<String> locked = b.post(ProvisioningKeys.PATH, Map.of("username", "alice", "password", "alice-pw"));
            assertThat(locked.statusCode()).isEqualTo(429);
            assertThat(locked.headers().firstValue("Retry-After")).hasValue("900");
            HttpResponse<String> lockedOnA = a.post(ProvisioningKeys.PATH, Map.of("username", "alice", "password", "alice-pw"));
            assertThat(lockedOnA.statusCode()).isEqualTo(429);
            assertThat(a.post(ProvisioningKeys.PATH, Map.of("username", "bob", "password", "bob-pw")).statusCode())
                    .isEqualTo(200);
            assertThat(b.post(ProvisioningKeys.PATH, Map.of("username", "bob", "password", "bob-pw")).statusCode())
                    .isEqualTo(200);
        }
    }
}
