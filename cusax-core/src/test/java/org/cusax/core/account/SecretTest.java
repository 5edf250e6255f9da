package org.cusax.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Secrets never show up when printed. */
class SecretTest {
    @Test
    void toStringHidesTheValue() {
        Secret s = Secret.of("hunter2");
        assertThat(s.toString()).doesNotContain("hunter2");
        assertThat(s.reveal()).isEqualTo("hunter2");
        Account a = org.cusax.core.testing.TestAccounts.xmpp("alice");
        assertThat(a.toString()).doesNotContain("pw-alice");
    }
}
