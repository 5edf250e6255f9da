package org.cusax.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.cusax.app.api.ErrorCode;
import org.junit.jupiter.api.Test;

/** Who may drive the daemon: its token, no Origin or its own (RFC 6454), its own Host (DNS rebinding). */
class RequestGuardTest {
    private final DaemonToken token = DaemonToken.random(new SecureRandom());
    private final RequestGuard guard = new RequestGuard(token, () -> 4711);

    private ErrorCode refused(String authorization, String origin, String host) {
        return guard.check(authorization, origin, host).orElseThrow().code();
    }

    @Test
    void onlyTheTokenFromTheDaemonsOwnOriginAndHostPasses() {
        assertThat(guard.check(token.bearer(), null, "127.0.0.1:4711")).isEmpty();
        assertThat(guard.check(token.bearer(), "http://127.0.0.1:4711", "127.0.0.1:4711")).isEmpty();
        assertThat(guard.check(token.bearer(), "http://localhost:4711", "localhost:4711")).isEmpty();
        assertThat(refused(null, null, "127.0.0.1:4711")).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(refused(token.bearer() + "x", null, "127.0.0.1:4711")).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(refused("Basic " + token.bearer().substring(7), null, "127.0.0.1:4711")).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(refused(token.bearer(), "http://evil.example", "127.0.0.1:4711")).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refused(token.bearer(), "https://127.0.0.1:4711", "127.0.0.1:4711")).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refused(token.bearer(), "null", "127.0.0.1:4711")).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refused(token.bearer(), null, "evil.example:4711")).as("DNS rebinding").isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void aRefusalNeverEchoesTheToken() {
        String secret = token.bearer().substring(7);
        assertThat(guard.check("Bearer " + secret + "x", "http://" + secret, "127.0.0.1:4711").orElseThrow().message())
                .doesNotContain(secret);
    }
}
