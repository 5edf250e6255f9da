package org.cusax.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** RFC 7616 §3.9.1: the example digest for user Mufasa, with MD5 and with SHA-256. */
class DigestCalculatorTest {
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    private static String rfc7616Example(String algorithm) {
        return DigestCalculator.response(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life".toCharArray(),
                "GET", "/dir/index.html", NONCE, "00000001", CNONCE, "auth");
    }

    @Test
    void rfc7616_3_9_1_md5() {
        assertThat(rfc7616Example("MD5")).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void rfc7616_3_9_1_sha256() {
        assertThat(rfc7616Example("SHA-256"))
                .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }

    @Test
    void withoutQopTheResponseOmitsNonceCountAndCnonce() {
        // RFC 2069 compatibility (RFC 7616 §3.4.1 without qop): H(HA1:nonce:HA2), so nc/cnonce do not matter
        String a = DigestCalculator.response("MD5", "u", "r", "p".toCharArray(), "REGISTER", "sip:d", "n", null, null, null);
        String b = DigestCalculator.response("MD5", "u", "r", "p".toCharArray(), "REGISTER", "sip:d", "n", "00000009",
                "x", null);
        assertThat(a).isEqualTo(b).hasSize(32);
    }

    @Test
    void unknownAlgorithmIsRefused() {
        assertThat(DigestCalculator.supports("SHA-512-256")).isFalse();
        assertThatThrownBy(() -> rfc7616Example("SHA-512-256")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHA-512-256");
    }
}
