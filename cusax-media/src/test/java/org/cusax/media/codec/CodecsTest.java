package org.cusax.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.cusax.media.audio.BufferSink;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.ToneSource;
import org.junit.jupiter.api.Test;

/**
 * The codecs behind {@link AudioCodec}: a tone survives each (RFC 3551 PCMU/PCMA, RFC 7587 Opus); Opus conceals
 * a lost packet itself (RFC 6716 §4.4).
 */
class CodecsTest {

    private static short[] through(AudioCodec codec, int frames) throws CodecException {
        ToneSource tone = ToneSource.endless(1000, 10_000);
        BufferSink out = new BufferSink();
        short[] frame = Pcm.silentFrame();
        for (int i = 0; i < frames; i++) {
            tone.read(frame);
            short[] decoded = codec.decode(codec.encode(frame));
            assertThat(decoded).hasSize(Pcm.FRAME_SAMPLES);
            out.write(decoded);
        }
        return out.samples();
    }

    @Test
    void g711KeepsATonesFrequencyAndEnergy() throws Exception {
        for (AudioCodec codec : new AudioCodec[] {G711Codec.pcmu(), G711Codec.pcma()}) {
            assertThat(codec.rtpClockRate()).isEqualTo(8000);
            assertThat(codec.timestampIncrement()).isEqualTo(160);
            assertThat(codec.encode(Pcm.silentFrame())).hasSize(160);
            short[] pcm = through(codec, 25);
            assertThat(SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE)).isCloseTo(1000.0, offset(1.0));
            assertThat(SignalAnalysis.toneAmplitude(pcm, Pcm.SAMPLE_RATE, 1000)).isCloseTo(10_000.0, offset(200.0));
        }
    }

    @Test
    void opusKeepsATonesFrequency() throws Exception {
        OpusCodec opus = new OpusCodec();
        assertThat(opus.rtpClockRate()).isEqualTo(48_000);
        assertThat(opus.timestampIncrement()).isEqualTo(960);
        short[] pcm = through(opus, 50);
        short[] settled = java.util.Arrays.copyOfRange(pcm, 1600, pcm.length);
        assertThat(SignalAnalysis.dominantFrequency(settled, Pcm.SAMPLE_RATE)).isCloseTo(1000.0, offset(5.0));
        assertThat(SignalAnalysis.rms(settled)).isGreaterThan(4000);
    }

    @Test
    void rfc6716_4_4_opusConcealsALostPacketFromItsOwnStateAndG711LeavesItToPitchConcealment() throws Exception {
        OpusCodec opus = new OpusCodec();
        through(opus, 50);
        short[] concealed = opus.conceal(Pcm.FRAME_SAMPLES).orElseThrow();
        assertThat(concealed).hasSize(Pcm.FRAME_SAMPLES);
        assertThat(SignalAnalysis.dominantFrequency(concealed, Pcm.SAMPLE_RATE)).as("20 ms resolve about 50 Hz")
                .isCloseTo(1000.0, offset(50.0));
        assertThat(SignalAnalysis.rms(concealed)).isGreaterThan(1000);
        assertThat(G711Codec.pcmu().conceal(Pcm.FRAME_SAMPLES)).isEmpty();
    }

    @Test
    void badPayloadsAreCodecExceptions() throws Exception {
        assertThatThrownBy(() -> G711Codec.pcmu().decode(new byte[0])).isInstanceOf(CodecException.class);
        OpusCodec opus = new OpusCodec();
        assertThatThrownBy(() -> opus.decode(new byte[0])).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> opus.decode(new byte[2000])).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> opus.decode(new byte[] {(byte) 0x03, 0x00})).isInstanceOf(CodecException.class);
    }

    @Test
    void factoryKnowsTheSupportedEncodings() throws Exception {
        assertThat(Codecs.create("pcmu", 8000)).get().extracting(AudioCodec::encodingName).isEqualTo("PCMU");
        assertThat(Codecs.create("PCMA", 8000)).get().extracting(AudioCodec::encodingName).isEqualTo("PCMA");
        assertThat(Codecs.create("opus", 48_000)).get().extracting(AudioCodec::encodingName).isEqualTo("opus");
        assertThat(Codecs.create("G722", 8000)).isEmpty();
        assertThat(Codecs.create("PCMU", 16_000)).isEmpty();
    }
}
