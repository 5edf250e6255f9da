package org.cusax.testbed.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestAuthTest {

    // RFC 7616 §3.9.1 example (HTTP, but the digest computation is the same as SIP's).
    private static final String CHALLENGE = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\","
            + " algorithm=%s, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\","
            + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void sha256MatchesRfc7616Example() {
        String h = DigestAuth.authorization(String.format(CHALLENGE, "SHA-256"), "GET", "/dir/index.html",
                "Mufasa", "Circle of Life", CNONCE);
        assertThat(h).contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"")
                .contains("algorithm=SHA-256").contains("qop=auth,").contains("nc=00000001")
                .contains("opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
    }

    @Test
    void md5MatchesRfc7616Example() {
        String h = DigestAuth.authorization(String.format(CHALLENGE, "MD5"), "GET", "/dir/index.html",
                "Mufasa", "Circle of Life", CNONCE);
        assertThat(h).contains("response=\"8ca523f5e9506fed4657c9700eebdbec\"").contains("algorithm=MD5");
    }

    @Test
    void parsesKamailioChallenge() {
        var p = DigestAuth.parseChallenge(
                "Digest realm=\"cusax.test\", nonce=\"awJWm2sCVW+bCOsIV4/6gtyofyG7D0eU\", qop=\"auth\", algorithm=SHA-256");
        assertThat(p).containsEntry("realm", "cusax.test").containsEntry("qop", "auth")
                .containsEntry("algorithm", "SHA-256").containsEntry("nonce", "awJWm2sCVW+bCOsIV4/6gtyofyG7D0eU");
    }
}
