package org.cusax.provisioning.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cusax.provisioning.directory.DirectoryDatabase;
import org.cusax.provisioning.directory.UserId;
import org.cusax.provisioning.support.MutableClock;
import org.cusax.provisioning.support.ProvisioningFixture;
import org.cusax.provisioning.support.TestCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throttling and lockout of failed sign-ins, counted in the directory database: two provisioning server
 * instances on one H2 file (each with its own pool, as two processes would have) behave as one
 * (issue 12 item 7). Time is a fake clock moved by the test.
 */
class SharedThrottleTest {
    @TempDir
    static Path certDir;
    static TestCertificate cert;
    @TempDir
    Path dbDir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private ProvisioningFixture a;
    private ProvisioningFixture b;

    @BeforeAll
    static void certificate() throws Exception {
        cert = TestCertificate.create(certDir);
    }

    @BeforeEach
    void twoInstancesOnOneDatabase() throws Exception {
        String url = DirectoryDatabase.defaultUrl(dbDir);
        a = new ProvisioningFixture(url, "", clock, ServerTls.pem(cert.certPem(), cert.keyPem()), cert);
        b = new ProvisioningFixture(url, "", clock, ServerTls.pem(cert.certPem(), cert.keyPem()), cert);
        a.directory.add(new UserId("alice", "example.test"), "Alice", "", List.of(), "alice-pw".toCharArray());
        a.directory.add(new UserId("bob", "example.test"), "Bob", "", List.of(), "bob-pw".toCharArray());
    }

    @AfterEach
    void stop() {
        try {
            a.close();
        } finally {
            b.close();
        }
    }

    @Test
    void twentyWrongPasswordsLockTheUserWhileOthersSignIn() throws Exception {
        int rejected = 0;
        int throttled = 0;
        for (int attempt = 0; attempt < 60 && rejected < 20; attempt++) {
            HttpResponse<String> r = (attempt % 2 == 0 ? a : b).post(ProvisioningKeys.PATH,
                    Map.of("username", "alice", "password", "guess" + attempt));
            if (r.statusCode() == 429) {
                throttled++;
                clock.advance(Duration.ofSeconds(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())));
            } else {
                assertThat(r.statusCode()).isEqualTo(401);
                rejected++;
            }
        }
        assertThat(rejected).isEqualTo(20);
        assertThat(throttled).as("exponential delay from the 5th failure on").isGreaterThanOrEqualTo(15);

        HttpResponse<String> locked = b.post(ProvisioningKeys.PATH, Map.of("username", "alice", "password", "alice-pw"));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isEqualTo(15 * 60);
        assertThat(a.post(ProvisioningKeys.PATH, Map.of("username", "bob", "password", "bob-pw")).statusCode())
                .isEqualTo(200);

        clock.advance(Duration.ofMinutes(15));
        assertThat(a.post(ProvisioningKeys.PATH, Map.of("username", "alice@example.test", "password", "alice-pw"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void delayStartedOnOneInstanceHoldsOnTheOther() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(a.post(ProvisioningKeys.PATH, Map.of("username", "alice", "password", "x" + i)).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> r = b.post(ProvisioningKeys.PATH, Map.of("username", "alice", "password", "alice-pw"));
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(b.post(ProvisioningKeys.PATH, Map.of("username", "alice", "password", "alice-pw")).statusCode())
                .isEqualTo(200);
        // a success cleared the count: one more failure is not delayed
        assertThat(a.post(ProvisioningKeys.PATH, Map.of("username", "alice", "password", "y")).statusCode()).isEqualTo(401);
        assertThat(a.post(ProvisioningKeys.PATH, Map.of("username", "alice", "password", "alice-pw")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void forgottenCountersLeaveTheDatabase() {
        LoginThrottle throttle = new LoginThrottle(a.database.dataSource(), ThrottlePolicy.DEFAULT, clock);
        for (int i = 0; i < 10; i++) {
            throttle.failure("guess" + i + "@example.test", "192.0.2.1");
        }
        assertThat(throttle.liveSubjects()).isEqualTo(11);
        clock.advance(ThrottlePolicy.DEFAULT.forgetAfter().plusSeconds(1));
        throttle.failure("other@example.test", "192.0.2.2");
        assertThat(throttle.liveSubjects()).isEqualTo(2);
    }

    @Test
    void oneSourceGuessingManyUsersIsThrottledAsASource() throws Exception {
        for (int i = 0; i < ThrottlePolicy.DEFAULT.sourceDelayAfter(); i++) {
            assertThat((i % 2 == 0 ? a : b).post(ProvisioningKeys.PATH,
                    Map.of("username", "user" + i, "password", "pw")).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> r = a.post(ProvisioningKeys.PATH, Map.of("username", "bob", "password", "bob-pw"));
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(a.audit).anyMatch(l -> l.contains("user=\"bob\"") && l.contains("outcome=throttled"));
    }
}
