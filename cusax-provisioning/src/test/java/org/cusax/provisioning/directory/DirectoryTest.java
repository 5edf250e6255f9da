package org.cusax.provisioning.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The directory on embedded H2, its schema made by the Flyway migrations. */
class DirectoryTest {
    private DirectoryDatabase db;
    private Directory directory;
    private final UserId alice = new UserId("alice", "example.test");

    @BeforeEach
    void open() {
        db = DirectoryDatabase.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
        directory = new Directory(db.dataSource(), StoredCredentials.WorkFactors.DEFAULT, new SecureRandom());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void addedUserIsFoundWithNumbersInOrderAndDefaultAor() {
        directory.add(alice, "Alice Liddell", "", List.of(PhoneNumber.parse("mobile:+33 6 12 34 56 78"),
                PhoneNumber.parse("work:+33 1 84 88 00 12")), "pw".toCharArray());
        DirectoryUser found = directory.find(UserId.parse("Alice", "example.test")).orElseThrow();
        assertThat(found.sipAor()).isEqualTo("sip:alice@example.test");
        assertThat(found.displayName()).isEqualTo("Alice Liddell");
        assertThat(found.phones()).extracting(PhoneNumber::toString)
                .containsExactly("mobile:+33 6 12 34 56 78", "work:+33 1 84 88 00 12");
        assertThat(found.enabled()).isTrue();
        assertThat(directory.credentials(alice).orElseThrow().provisioning().matches("pw".toCharArray())).isTrue();
    }

    @Test
    void duplicateIdIsRefusedAndTheFirstStays() {
        directory.add(alice, "Alice", null, List.of(), "pw".toCharArray());
        assertThatThrownBy(() -> directory.add(alice, "Other", null, List.of(), "x".toCharArray()))
                .isInstanceOf(DirectoryException.class).hasMessageContaining("already exists");
        assertThat(directory.find(alice).orElseThrow().displayName()).isEqualTo("Alice");
    }

    @Test
    void passwordChangeChangesEveryFormAtOnce() {
        directory.add(alice, "Alice", null, List.of(), "old".toCharArray());
        StoredCredentials before = directory.credentials(alice).orElseThrow();
        directory.setPassword(alice, "new".toCharArray());
        StoredCredentials after = directory.credentials(alice).orElseThrow();
        assertThat(after.provisioning().matches("new".toCharArray())).isTrue();
        assertThat(after.provisioning().matches("old".toCharArray())).isFalse();
        assertThat(after.ha1Md5()).isEqualTo(DigestHa1.of("MD5", "alice", "example.test", "new".toCharArray()))
                .isNotEqualTo(before.ha1Md5());
        assertThat(after.ha1Sha256()).isNotEqualTo(before.ha1Sha256());
        assertThat(after.scramSha1().storedKey()).isNotEqualTo(before.scramSha1().storedKey());
        assertThat(after.scramSha256().storedKey()).isNotEqualTo(before.scramSha256().storedKey());
        assertThat(directory.find(alice).orElseThrow().revision()).isEqualTo(2);
    }

    @Test
    void setTelReplacesNumbersAndRemoveDeletesEverything() {
        directory.add(alice, "Alice", null, List.of(PhoneNumber.parse("home:0123456789")), "pw".toCharArray());
        directory.setPhones(alice, List.of(PhoneNumber.parse("work:+33 1 84 88 00 12")));
        assertThat(directory.find(alice).orElseThrow().phones()).containsExactly(PhoneNumber.parse("work:+33 1 84 88 00 12"));
        assertThat(directory.remove(alice)).isTrue();
        assertThat(directory.find(alice)).isEmpty();
        assertThat(directory.credentials(alice)).isEmpty();
        assertThat(directory.remove(alice)).isFalse();
        assertThatThrownBy(() -> directory.setPhones(alice, List.of())).hasMessageContaining("no user alice@example.test");
    }

    @Test
    void badInputIsAClearError() {
        assertThatThrownBy(() -> PhoneNumber.parse("fax:+331")).hasMessageContaining("unknown number label 'fax'");
        assertThatThrownBy(() -> PhoneNumber.parse("mobile:call me")).hasMessageContaining("not a phone number");
        assertThatThrownBy(() -> UserId.parse("alice", null)).hasMessageContaining("no default domain");
        assertThatThrownBy(() -> UserId.parse("al ice@example.test", null)).hasMessageContaining("invalid user name");
        assertThatThrownBy(() -> directory.add(alice, "A", null, List.of(), new char[0])).hasMessageContaining("empty password");
        assertThatThrownBy(() -> DirectoryDatabase.open("jdbc:mysql://x/y?password=hunter2", "", ""))
                .hasMessageContaining("jdbc:h2").hasMessageNotContaining("hunter2");
    }
}
