package org.cusax.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** RFC 3261 §22.4 / RFC 7616 §3.3: what we read from a challenge. */
class DigestChallengeTest {
    @Test
    void readsAllParameters() {
        DigestChallenge c = SipHeaders.www("Digest realm=\"cusax.test\", nonce=\"abc\", opaque=\"op\", "
                + "algorithm=SHA-256, qop=\"auth,auth-int\", stale=TRUE");
        assertThat(c.proxy()).isFalse();
        assertThat(c.realm()).isEqualTo("cusax.test");
        assertThat(c.nonce()).isEqualTo("abc");
        assertThat(c.opaque()).isEqualTo(Optional.of("op"));
        assertThat(c.algorithm()).isEqualTo("SHA-256");
        assertThat(c.qopOptions()).containsExactly("auth", "auth-int");
        assertThat(c.stale()).isTrue();
        assertThat(c.qopUsable()).isTrue();
    }

    @Test
    void noAlgorithmMeansMd5() {
        DigestChallenge c = SipHeaders.www("Digest realm=\"r\", nonce=\"n\"");
        assertThat(c.algorithm()).isEqualTo("MD5");
        assertThat(c.qopOptions()).isEmpty();
        assertThat(c.qopUsable()).isTrue();
        assertThat(c.stale()).isFalse();
    }

    @Test
    void proxyChallengeIsMarked() {
        assertThat(SipHeaders.proxy("Digest realm=\"r\", nonce=\"n\", algorithm=MD5").proxy()).isTrue();
    }

    @Test
    void authIntOnlyIsNotUsable() {
        assertThat(SipHeaders.www("Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\"").qopUsable()).isFalse();
    }
}
