package org.cusax.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cusax.media.srtp.SrtpKey;
import org.cusax.media.srtp.SrtpProfile;
import org.junit.jupiter.api.Test;

/** RFC 4568 §9.1 a=crypto syntax and which key parameters are usable. */
class CryptoAttributeTest {
    private static final String KEY = "4P/qDKa7nTMeuMk4Vqms6+m4YN8rw961im6GTsW5";

    @Test
    void parsesTagSuiteAndInlineKey() {
        CryptoAttribute c = CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_32 inline:" + KEY + "|2^20");
        assertThat(c.tag()).isEqualTo(1);
        assertThat(c.profile()).contains(SrtpProfile.AES_CM_128_HMAC_SHA1_32);
        assertThat(c.usableKey()).contains(SrtpKey.fromBase64(KEY));
        assertThat(c.value()).isEqualTo("1 AES_CM_128_HMAC_SHA1_32 inline:" + KEY + "|2^20");
    }

    @Test
    void mkiSessionParametersAndBadKeysAreNotUsable() {
        assertThat(CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4").usableKey()).isEmpty();
        assertThat(CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " KDR=1").usableKey()).isEmpty();
        assertThat(CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_80 inline:AAAA").usableKey()).isEmpty();
    }

    @Test
    void rejectsBrokenSyntax() {
        assertThatThrownBy(() -> CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_80")).hasMessageContaining("needs");
        assertThatThrownBy(() -> CryptoAttribute.parse("one AES inline:x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> CryptoAttribute.parse("1 AES key:x")).hasMessageContaining("inline:");
    }

    @Test
    void toStringHidesTheKey() {
        SrtpKey key = SrtpKey.generate();
        CryptoAttribute c = CryptoAttribute.of(1, SrtpProfile.AES_CM_128_HMAC_SHA1_80, key);
        assertThat(c.value()).contains(key.base64());
        assertThat(c.toString()).doesNotContain(key.base64()).contains("redacted");
    }
}
