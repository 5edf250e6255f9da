package org.cusax.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * RFC 3711 SRTP/SRTCP with AES_CM_128_HMAC_SHA1_80 (RFC 4568 §6.2) through jitsi-srtp: libsrtp's
 * reference packet, round trips, and rejection of tampered, replayed and foreign packets.
 */
class SrtpTransformTest {
    private static final HexFormat HEX = HexFormat.of();
    /** libsrtp test/srtp_driver.c reference: master key + salt, SSRC 0xcafebabe, seq 0x1234. */
    private static final SrtpKey LIBSRTP_KEY = SrtpKey.of(HEX.parseHex(
            "e1f97a0d3e018be0d64fa32c06de4139" + "0ec675ad498afeebb6960b3aabe6"));
    private static final byte[] PLAIN = HEX.parseHex(
            "800f1234decafbadcafebabe" + "abababababababababababababababab");
    private static final byte[] PROTECTED = HEX.parseHex(
            "800f1234decafbadcafebabe" + "4e55dc4ce79978d88ca4d215949d2402" + "b78d6acc99ea179b8dbb");

    @Test
    void matchesLibsrtpReferencePacket() throws Exception {
        SrtpTransform tx = SrtpTransform.sender(SrtpProfile.AES_CM_128_HMAC_SHA1_80, LIBSRTP_KEY);
        assertThat(tx.protectRtp(PLAIN)).containsExactly(PROTECTED);
        SrtpTransform rx = SrtpTransform.receiver(SrtpProfile.AES_CM_128_HMAC_SHA1_80, LIBSRTP_KEY);
        assertThat(rx.unprotectRtp(PROTECTED)).containsExactly(PLAIN);
    }

    @Test
    void roundTripsAndRejectsTamperingAndReplay() throws Exception {
        SrtpKey key = SrtpKey.generate();
        SrtpTransform tx = SrtpTransform.sender(SrtpProfile.AES_CM_128_HMAC_SHA1_80, key);
        SrtpTransform rx = SrtpTransform.receiver(SrtpProfile.AES_CM_128_HMAC_SHA1_80, key);
        byte[] rtp = rtp(7, 160);
        byte[] srtp = tx.protectRtp(rtp);
        assertThat(srtp).hasSize(rtp.length + 10);
        assertThat(Arrays.copyOfRange(srtp, 12, 172)).isNotEqualTo(Arrays.copyOfRange(rtp, 12, 172));
        byte[] tampered = srtp.clone();
        tampered[40] ^= 1;
        assertThatThrownBy(() -> rx.unprotectRtp(tampered)).isInstanceOf(SrtpException.class)
                .hasMessageContaining("rejected");
        assertThat(rx.unprotectRtp(srtp)).containsExactly(rtp);
        assertThatThrownBy(() -> rx.unprotectRtp(srtp)).as("replay").isInstanceOf(SrtpException.class);
    }

    @Test
    void wrongKeyFailsAuthentication() throws Exception {
        byte[] srtp = SrtpTransform.sender(SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpKey.generate()).protectRtp(rtp(1, 160));
        SrtpTransform other = SrtpTransform.receiver(SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpKey.generate());
        assertThatThrownBy(() -> other.unprotectRtp(srtp)).isInstanceOf(SrtpException.class);
    }

    @Test
    void shortTagProfileAddsFourBytes() throws Exception {
        SrtpKey key = SrtpKey.generate();
        byte[] srtp = SrtpTransform.sender(SrtpProfile.AES_CM_128_HMAC_SHA1_32, key).protectRtp(rtp(3, 160));
        assertThat(srtp).hasSize(12 + 160 + 4);
        assertThat(SrtpTransform.receiver(SrtpProfile.AES_CM_128_HMAC_SHA1_32, key).unprotectRtp(srtp)).hasSize(172);
    }

    @Test
    void rtcpRoundTripsAndRejectsTampering() throws Exception {
        SrtpKey key = SrtpKey.generate();
        SrtpTransform tx = SrtpTransform.sender(SrtpProfile.AES_CM_128_HMAC_SHA1_80, key);
        SrtpTransform rx = SrtpTransform.receiver(SrtpProfile.AES_CM_128_HMAC_SHA1_80, key);
        byte[] rr = HEX.parseHex("81c90007" + "cafebabe" + "12345678" + "00000000" + "00001234" + "00000000"
                + "00000000" + "00000000");
        byte[] srtcp = tx.protectRtcp(rr);
        assertThat(srtcp).hasSize(rr.length + 4 + 10);
        byte[] tampered = srtcp.clone();
        tampered[10] ^= 1;
        assertThatThrownBy(() -> rx.unprotectRtcp(tampered)).isInstanceOf(SrtpException.class);
        assertThat(rx.unprotectRtcp(srtcp)).containsExactly(rr);
    }

    @Test
    void garbageIsAnSrtpExceptionNotACrash() throws Exception {
        SrtpTransform rx = SrtpTransform.receiver(SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpKey.generate());
        assertThatThrownBy(() -> rx.unprotectRtp(new byte[5])).isInstanceOf(SrtpException.class)
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> rx.unprotectRtcp(new byte[9])).isInstanceOf(SrtpException.class);
        byte[] junk = new byte[100];
        new java.util.Random(1).nextBytes(junk);
        assertThatThrownBy(() -> rx.unprotectRtp(junk)).isInstanceOf(SrtpException.class);
        assertThatThrownBy(() -> rx.protectRtp(rtp(1, 10))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void floodOfSsrcsIsBounded() throws Exception {
        SrtpKey key = SrtpKey.generate();
        SrtpTransform tx = SrtpTransform.sender(SrtpProfile.AES_CM_128_HMAC_SHA1_80, key);
        for (int i = 0; i < SrtpTransform.MAX_STREAMS; i++) {
            byte[] p = rtp(1, 20);
            p[11] = (byte) i;
            tx.protectRtp(p);
        }
        byte[] p = rtp(1, 20);
        p[11] = (byte) 200;
        assertThatThrownBy(() -> tx.protectRtp(p)).hasMessageContaining("SSRCs");
    }

    private static byte[] rtp(int seq, int payload) {
        byte[] p = new byte[12 + payload];
        p[0] = (byte) 0x80;
        p[3] = (byte) seq;
        p[8] = 0x11;
        p[11] = 0x22;
        for (int i = 12; i < p.length; i++) {
            p[i] = (byte) i;
        }
        return p;
    }
}
