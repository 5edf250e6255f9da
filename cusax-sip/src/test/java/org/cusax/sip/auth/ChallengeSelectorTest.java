package org.cusax.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 8760 §2.4: choosing among several challenges by our local preference list. */
class ChallengeSelectorTest {
    private static final DigestChallenge MD5 = SipHeaders.www("Digest realm=\"d\", nonce=\"n1\", algorithm=MD5, qop=\"auth\"");
    private static final DigestChallenge SHA = SipHeaders.www("Digest realm=\"d\", nonce=\"n2\", algorithm=SHA-256, qop=\"auth\"");
    private static final DigestChallenge SHA512 =
            SipHeaders.www("Digest realm=\"d\", nonce=\"n3\", algorithm=SHA-512-256, qop=\"auth\"");

    @Test
    void serverPrefersSha256AndSoDoWe() {
        assertThat(new ChallengeSelector(List.of("SHA-256", "MD5")).select(List.of(SHA, MD5))).containsExactly(SHA);
    }

    @Test
    void ourPreferenceOverridesTheServersOrder() {
        assertThat(new ChallengeSelector(List.of("SHA-256", "MD5")).select(List.of(MD5, SHA))).containsExactly(SHA);
        assertThat(new ChallengeSelector(List.of("MD5", "SHA-256")).select(List.of(SHA, MD5))).containsExactly(MD5);
    }

    @Test
    void algorithmsWeDoNotAcceptAreSkipped() {
        assertThat(new ChallengeSelector(List.of("SHA-256")).select(List.of(MD5))).isEmpty();
        assertThat(new ChallengeSelector(List.of("SHA-256", "MD5")).select(List.of(SHA512, MD5))).containsExactly(MD5);
    }

    @Test
    void theServersOrderBreaksTies() {
        DigestChallenge sha2 = SipHeaders.www("Digest realm=\"d\", nonce=\"n4\", algorithm=SHA-256");
        assertThat(new ChallengeSelector(List.of("SHA-256")).select(List.of(SHA, sha2))).containsExactly(SHA);
    }

    @Test
    void oneAnswerPerRealmAndHeaderKind() {
        DigestChallenge proxy = SipHeaders.proxy("Digest realm=\"proxy\", nonce=\"p\", algorithm=MD5");
        DigestChallenge other = SipHeaders.www("Digest realm=\"other\", nonce=\"o\", algorithm=MD5");
        assertThat(new ChallengeSelector(List.of("SHA-256", "MD5")).select(List.of(MD5, proxy, SHA, other)))
                .containsExactly(SHA, proxy, other);
    }

    @Test
    void authIntOnlyChallengesAreSkipped() {
        DigestChallenge authInt = SipHeaders.www("Digest realm=\"d\", nonce=\"i\", algorithm=SHA-256, qop=\"auth-int\"");
        assertThat(new ChallengeSelector(List.of("SHA-256", "MD5")).select(List.of(authInt, MD5))).containsExactly(MD5);
    }

    @Test
    void unknownPreferenceIsAConfigurationError() {
        assertThatThrownBy(() -> new ChallengeSelector(List.of("SHA-1"))).hasMessageContaining("SHA-1");
        assertThatThrownBy(() -> new ChallengeSelector(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
