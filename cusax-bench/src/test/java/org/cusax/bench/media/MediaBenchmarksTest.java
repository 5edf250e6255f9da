package org.cusax.bench.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.cusax.media.sdp.PayloadFormat;
import org.cusax.media.sdp.SdpParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The media benchmarks' inputs are what they claim: a real 20 ms frame, a valid offer. */
class MediaBenchmarksTest {

    @ParameterizedTest
    @ValueSource(strings = {"PCMU", "PCMA"})
    void aTwentyMillisecondFrameEncodesToOneByteASampleAndDecodesCloseToTheTone(String codec) throws Exception {
        G711Benchmark bench = new G711Benchmark();
        bench.codecName = codec;
        bench.setUp();

        assertThat(bench.codec.encodingName()).isEqualTo(codec);
        assertThat(bench.encode()).hasSize(160);
        short[] decoded = bench.decode();
        assertThat(decoded).hasSize(160);
        for (int n = 0; n < decoded.length; n++) {
            assertThat(Math.abs(decoded[n] - bench.frame[n])).isLessThan(600);
        }
    }

    @Test
    void theTypicalOfferParsesToOneAudioStreamWithItsFourFormats() throws SdpParseException {
        var sdp = new SdpParseBenchmark().parseOffer();

        assertThat(sdp.audio()).isPresent();
        assertThat(sdp.audio().get().payloadFormats()).extracting(PayloadFormat::encodingName)
                .containsExactly("PCMU", "PCMA", "opus", "telephone-event");
        assertThat(sdp.audio().get().crypto()).hasSize(1);
    }
}
