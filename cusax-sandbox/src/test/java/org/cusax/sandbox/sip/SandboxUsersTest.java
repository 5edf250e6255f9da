package org.cusax.sandbox.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sandbox number plan: global numbers (RFC 3966 §5.1.4, visual separators ignored) owned by users. */
class SandboxUsersTest {
    private final SandboxUsers users = new SandboxUsers();

    @Test
    @DisplayName("RFC 3966 §5.1.1: a global number written with separators finds its owner however it is written")
    void globalNumbersFindTheirOwner() {
        users.add("alice", "pw");
        users.addNumber("+33 6 12 34 56 78", "alice");
        assertThat(users.ownerOf("+33612345678")).hasValue("alice");
        assertThat(users.ownerOf("+33-6-12-34-56-78")).hasValue("alice");
        assertThat(users.ownerOf("+33612345679")).isEmpty();
        assertThat(users.ownerOf("0612345678")).as("a national number is not global").isEmpty();
        assertThat(users.ownerOf("alice")).isEmpty();
    }

    @Test
    void aNumberNeedsAnExistingUserAndALeadingPlus() {
        users.add("bob", "pw");
        assertThatThrownBy(() -> users.addNumber("+33 6 98 76 54 32", "nobody"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> users.addNumber("06 98 76 54 32", "bob"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("global");
        assertThatThrownBy(() -> users.addNumber("+33 abc", "bob")).isInstanceOf(IllegalArgumentException.class);
    }
}
