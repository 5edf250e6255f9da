package org.cusax.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 3264 §6.1 direction attributes: mirroring and intersection. */
class DirectionTest {

    @Test
    void mirrorSwapsSendAndReceive() {
        assertThat(Direction.SENDONLY.mirror()).isEqualTo(Direction.RECVONLY);
        assertThat(Direction.RECVONLY.mirror()).isEqualTo(Direction.SENDONLY);
        assertThat(Direction.SENDRECV.mirror()).isEqualTo(Direction.SENDRECV);
        assertThat(Direction.INACTIVE.mirror()).isEqualTo(Direction.INACTIVE);
    }

    @Test
    void intersectKeepsOnlyWhatBothAllow() {
        assertThat(Direction.SENDRECV.intersect(Direction.RECVONLY)).isEqualTo(Direction.RECVONLY);
        assertThat(Direction.SENDONLY.intersect(Direction.RECVONLY)).isEqualTo(Direction.INACTIVE);
        assertThat(Direction.fromAttribute("SendOnly")).contains(Direction.SENDONLY);
        assertThat(Direction.fromAttribute("rtcp-mux")).isEmpty();
    }
}
