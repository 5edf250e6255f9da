package org.cusax.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.cusax.media.MalformedPacketException;
import org.junit.jupiter.api.Test;

/** RFC 3550 §6.4 SR/RR with SDES CNAME, A.2 compound validity checks, RFC 5761 §4 demultiplexing. */
class RtcpTest {

    @Test
    void senderReportWithBlockRoundTrips() throws Exception {
        Rtcp.SenderInfo info = new Rtcp.SenderInfo(0x0123456789abcdefL, 16_000, 100, 16_000);
        Rtcp.ReportBlock block = new Rtcp.ReportBlock(0xcafebabeL, 25, -3, 70_000, 12, 0x1234, 65_536);
        byte[] wire = Rtcp.compound(0x11223344L, info, block, "alice@example");
        assertThat(wire.length % 4).isZero();
        assertThat(Rtcp.isRtcp(wire, wire.length)).isTrue();
        Rtcp.Compound c = Rtcp.parse(wire, wire.length);
        assertThat(c.bye()).isFalse();
        assertThat(c.reports()).singleElement().satisfies(r -> {
            assertThat(r.packetType()).isEqualTo(Rtcp.SR);
            assertThat(r.senderSsrc()).isEqualTo(0x11223344L);
            assertThat(r.senderInfo()).isEqualTo(info);
            assertThat(r.blocks()).containsExactly(block);
        });
    }

    @Test
    void receiverReportWithoutBlocks() throws Exception {
        byte[] wire = Rtcp.compound(7, null, null, "x");
        assertThat(wire[1] & 0xFF).isEqualTo(Rtcp.RR);
        assertThat(Rtcp.parse(wire, wire.length).reports()).singleElement()
                .satisfies(r -> assertThat(r.blocks()).isEmpty());
    }

    @Test
    void invalidCompoundsAreRejected() {
        byte[] rr = Rtcp.compound(7, null, null, "x");
        assertThatThrownBy(() -> Rtcp.parse(rr, 4)).isInstanceOf(MalformedPacketException.class);
        byte[] sdesFirst = Arrays.copyOfRange(rr, 8, rr.length);
        assertThatThrownBy(() -> Rtcp.parse(sdesFirst, sdesFirst.length)).hasMessageContaining("start with SR or RR");
        byte[] longer = rr.clone();
        longer[3] = 40;
        assertThatThrownBy(() -> Rtcp.parse(longer, longer.length)).hasMessageContaining("runs past the end");
        byte[] v1 = rr.clone();
        v1[0] = 0x40;
        assertThatThrownBy(() -> Rtcp.parse(v1, v1.length)).hasMessageContaining("version");
        byte[] tooManyBlocks = rr.clone();
        tooManyBlocks[0] = (byte) 0x85;
        assertThatThrownBy(() -> Rtcp.parse(tooManyBlocks, tooManyBlocks.length)).hasMessageContaining("report blocks");
    }

    @Test
    void demultiplexesRtcpFromRtpByTheSecondByte() {
        byte[] rtp = HexFormat.of().parseHex("8000000100000000" + "00000001");
        byte[] rtpMarkerPt96 = HexFormat.of().parseHex("80e0000100000000" + "00000001");
        assertThat(Rtcp.isRtcp(rtp, rtp.length)).isFalse();
        assertThat(Rtcp.isRtcp(rtpMarkerPt96, rtpMarkerPt96.length)).isFalse();
        assertThat(Rtcp.isRtcp(new byte[1], 1)).isFalse();
    }
}
