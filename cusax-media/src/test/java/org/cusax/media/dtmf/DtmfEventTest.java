package org.cusax.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cusax.media.MalformedPacketException;
import org.junit.jupiter.api.Test;

/** RFC 4733 §2.3 payload format and §3.2 DTMF event codes. */
class DtmfEventTest {

    @Test
    void encodesThePayloadFields() throws Exception {
        DtmfEvent e = new DtmfEvent(11, true, 10, 800);
        assertThat(e.encode()).containsExactly(0x0B, 0x8A, 0x03, 0x20);
        assertThat(DtmfEvent.decode(e.encode())).isEqualTo(e);
        assertThat(DtmfEvent.decode(new byte[] {5, 0x0A, 0, (byte) 0xA0})).isEqualTo(new DtmfEvent(5, false, 10, 160));
    }

    @Test
    void reservedBitIsIgnoredAndRedundantEventsAreSkipped() throws Exception {
        DtmfEvent e = DtmfEvent.decode(new byte[] {1, (byte) 0xC0, 0, 1, 9, 9, 9, 9});
        assertThat(e).isEqualTo(new DtmfEvent(1, true, 0, 1));
    }

    @Test
    void mapsDigitsToEventCodes() {
        assertThat(DtmfEvent.eventCode('0')).isZero();
        assertThat(DtmfEvent.eventCode('9')).isEqualTo(9);
        assertThat(DtmfEvent.eventCode('*')).isEqualTo(10);
        assertThat(DtmfEvent.eventCode('#')).isEqualTo(11);
        assertThat(DtmfEvent.eventCode('a')).isEqualTo(12);
        assertThat(DtmfEvent.eventCode('D')).isEqualTo(15);
        assertThat(new DtmfEvent(11, false, 0, 0).digit()).isEqualTo('#');
        assertThat(new DtmfEvent(16, false, 0, 0).isDigit()).isFalse();
        assertThatThrownBy(() -> DtmfEvent.eventCode('x')).hasMessageContaining("not a DTMF digit");
    }

    @Test
    void shortPayloadIsMalformed() {
        assertThatThrownBy(() -> DtmfEvent.decode(new byte[3])).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("4 bytes");
        assertThatThrownBy(() -> DtmfEvent.decode(null)).isInstanceOf(MalformedPacketException.class);
    }
}
