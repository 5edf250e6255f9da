package org.cusax.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.cusax.media.MalformedPacketException;
import org.junit.jupiter.api.Test;

/** RFC 3550 §5.1 fixed header, §5.3.1 header extension, padding, and rejection of malformed packets. */
class RtpPacketTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void parsesEveryHeaderField() throws Exception {
        byte[] wire = HEX.parseHex("80" + "e1" + "fffe" + "deadbeef" + "01020304" + "aabbccdd");
        RtpPacket p = RtpPacket.parse(wire);
        assertThat(p.marker()).isTrue();
        assertThat(p.payloadType()).isEqualTo(97);
        assertThat(p.sequenceNumber()).isEqualTo(65534);
        assertThat(p.timestamp()).isEqualTo(0xdeadbeefL);
        assertThat(p.ssrc()).isEqualTo(0x01020304L);
        assertThat(p.payload()).containsExactly(0xaa, 0xbb, 0xcc, 0xdd);
        assertThat(p.toBytes()).containsExactly(wire);
    }

    @Test
    void csrcsAndExtensionRoundTrip() throws Exception {
        RtpPacket p = new RtpPacket(false, 0, 1, 160, 0xffffffffL, List.of(1L, 0x80000000L),
                new RtpPacket.HeaderExtension(0xBEDE, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), new byte[] {9, 9});
        byte[] wire = p.toBytes();
        assertThat(wire[0] & 0xFF).isEqualTo(0x92);
        RtpPacket back = RtpPacket.parse(wire);
        assertThat(back.csrcs()).containsExactly(1L, 0x80000000L);
        assertThat(back.extension()).hasValueSatisfying(e -> {
            assertThat(e.profile()).isEqualTo(0xBEDE);
            assertThat(e.data()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        });
        assertThat(back.payload()).containsExactly(9, 9);
        assertThat(back.toBytes()).containsExactly(wire);
    }

    @Test
    void paddingIsRemoved() throws Exception {
        byte[] wire = HEX.parseHex("a0" + "00" + "0001" + "00000000" + "00000001" + "1122" + "0000" + "04");
        wire[wire.length - 1] = 3;
        assertThat(RtpPacket.parse(wire).payload()).containsExactly(0x11, 0x22);
    }

    @Test
    void malformedPacketsAreRejectedWithTheReason() {
        assertMalformed("800000", "header alone");
        assertMalformed("400000000000000000000000", "version 1");
        assertMalformed("830000000000000000000000" + "00000001", "CSRCs do not fit");
        assertMalformed("900000000000000000000000" + "bede00", "extension header");
        assertMalformed("900000000000000000000000" + "bede0002" + "00000000", "extension of 2 words");
        assertMalformed("a00000000000000000000000" + "1100", "padding count 0");
        assertMalformed("a00000000000000000000000" + "11ff", "padding count 255");
        assertMalformed("80c8000000000000000000000000", "RTCP packet type");
    }

    @Test
    void randomBytesNeverEscapeAsAnotherException() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            if (data.length > 0) {
                data[0] = (byte) ((data[0] & 0x3F) | 0x80);
            }
            try {
                RtpPacket p = RtpPacket.parse(data);
                assertThat(p.payloadLength()).isLessThanOrEqualTo(data.length);
            } catch (MalformedPacketException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void constructorValidatesFields() {
        assertThatThrownBy(() -> RtpPacket.of(false, 128, 0, 0, 0, new byte[0])).hasMessageContaining("payload type");
        assertThatThrownBy(() -> RtpPacket.of(false, 0, 65536, 0, 0, new byte[0])).hasMessageContaining("sequence");
        assertThatThrownBy(() -> RtpPacket.of(false, 0, 0, -1, 0, new byte[0])).hasMessageContaining("timestamp");
    }

    private static void assertMalformed(String hex, String reason) {
        assertThatThrownBy(() -> RtpPacket.parse(HEX.parseHex(hex))).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining(reason);
    }
}
