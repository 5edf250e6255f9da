package org.cusax.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target (Jazzer) for the SDP parser (RFC 4566): any body is parsed or refused with an
 * {@link SdpParseException}, never another exception; what it accepts it writes back as SDP that parses to
 * the same text again (our own offers and answers are built from parsed descriptions).
 */
class SdpParserFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void bodiesParseOrFailClearly(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        SessionDescription sdp;
        try {
            sdp = SdpParser.parse(body);
        } catch (SdpParseException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        String written = sdp.toSdp();
        SessionDescription again;
        try {
            again = SdpParser.parse(written);
        } catch (SdpParseException e) {
            throw new AssertionError("our own SDP does not parse: " + e.getMessage() + "\n" + written, e);
        }
        assertThat(again.toSdp()).isEqualTo(written);
    }
}
