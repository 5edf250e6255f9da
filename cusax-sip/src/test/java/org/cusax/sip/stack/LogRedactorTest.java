package org.cusax.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Credentials (RFC 3261 §20.7/§20.28 Authorization headers) and SRTP keys (RFC 4568 §9.1) never reach the log. */
class LogRedactorTest {
    @Test
    void authorizationHeadersAreBlanked() {
        String msg = "REGISTER sip:cusax.test SIP/2.0\r\n"
                + "Authorization: Digest username=\"alice\",response=\"0123abcd\",cnonce=\"xyz\"\r\n"
                + "Proxy-Authorization: Digest username=\"alice\",response=\"feed\"\r\n"
                + "Contact: <sip:alice@127.0.0.1:5070>\r\n";
        String out = LogRedactor.redact(msg);
        assertThat(out).doesNotContain("0123abcd").doesNotContain("feed").doesNotContain("xyz")
                .contains("Authorization: [redacted]").contains("Proxy-Authorization: [redacted]")
                .contains("Contact: <sip:alice@127.0.0.1:5070>");
    }

    @Test
    void strayDigestParametersAreBlanked() {
        assertThat(LogRedactor.redact("header Digest username=\"a\", response=\"beef\", cnonce=abc"))
                .doesNotContain("beef").doesNotContain("abc").contains("response=[redacted]");
    }

    @Test
    void srtpMasterKeysInSdpAreBlanked() {
        String sdp = "m=audio 4000 RTP/SAVP 0 101\r\n"
                + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:4\r\n";
        String out = LogRedactor.redact(sdp);
        assertThat(out).doesNotContain("WVNfX19zZW1jdGwg")
                .contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:[redacted]|2^20|1:4")
                .contains("m=audio 4000 RTP/SAVP 0 101");
    }

    @Test
    void nullIsEmpty() {
        assertThat(LogRedactor.redact(null)).isEmpty();
    }
}
