package org.cusax.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** RFC 4568 §6.1 inline key material: 30 bytes of key and salt in base64, never shown in logs. */
class SrtpKeyTest {

    @Test
    void generatedKeysAreThirtyRandomBytes() {
        SrtpKey a = SrtpKey.generate();
        assertThat(Base64.getDecoder().decode(a.base64())).hasSize(30);
        assertThat(a.base64()).hasSize(40);
        assertThat(a).isNotEqualTo(SrtpKey.generate());
        assertThat(SrtpKey.fromBase64(a.base64())).isEqualTo(a);
    }

    @Test
    void parsesBaresipKey() {
        SrtpKey k = SrtpKey.fromBase64("4P/qDKa7nTMeuMk4Vqms6+m4YN8rw961im6GTsW5");
        assertThat(k.masterKey()).hasSize(16);
        assertThat(k.masterSalt()).hasSize(14);
    }

    @Test
    void rejectsWrongLengthsAndBadBase64WithoutEchoingTheKey() {
        assertThatThrownBy(() -> SrtpKey.fromBase64("AAAA")).hasMessageContaining("30 bytes");
        assertThatThrownBy(() -> SrtpKey.fromBase64("not base64 at all!")).hasMessageContaining("base64")
                .hasMessageNotContaining("not base64 at all");
        assertThatThrownBy(() -> SrtpKey.of(new byte[29])).hasMessageContaining("30 bytes");
    }

    @Test
    void toStringHidesTheKey() {
        SrtpKey k = SrtpKey.generate();
        assertThat(k.toString()).doesNotContain(k.base64()).contains("redacted");
        assertThat(new SrtpParameters(SrtpProfile.AES_CM_128_HMAC_SHA1_80, k, k).toString()).doesNotContain(k.base64());
    }
}
