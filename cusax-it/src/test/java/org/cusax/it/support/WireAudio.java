package org.cusax.it.support;

import java.util.HexFormat;
import java.util.List;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.codec.G711;
import org.cusax.testbed.capture.PacketCapture;

/**
 * What a packet capture shows of PCMU audio (RTP payload type 0, RFC 3551 §4.5.14): how many such
 * packets crossed the wire and how strongly their payloads, decoded as μ-law, hold a tone. Plain
 * RTP carrying a sine gives a ratio near √2 (a sine's peak over its RMS); SRTP payloads are
 * ciphertext (RFC 3711 §3.1), which decodes to noise with a ratio near 0.
 *
 * @param packets      PCMU packets captured
 * @param payloadSizes the distinct payload sizes in bytes: 160 for 20 ms of plain PCMU; SRTP with
 *                     AES_CM_128_HMAC_SHA1_80 adds a 10-byte authentication tag (RFC 3711 §4.2,
 *                     RFC 4568 §6.2), which tshark counts as payload
 * @param toneRatio    amplitude of the tone over the RMS of all decoded payloads (0 if none)
 */
public record WireAudio(int packets, java.util.Set<Integer> payloadSizes, double toneRatio) {

    /** Reads the PCMU packets of {@code capture} (stopped) and measures {@code hz} in their payloads. */
    public static WireAudio of(PacketCapture capture, double hz) {
        List<List<String>> rows = capture.fields("rtp.p_type == 0", "rtp.payload");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.util.Set<Integer> sizes = new java.util.TreeSet<>();
        for (List<String> row : rows) {
            String hex = row.get(0).replace(":", "").strip();
            byte[] payload = HexFormat.of().parseHex(hex);
            sizes.add(payload.length);
            bytes.writeBytes(payload);
        }
        byte[] ulaw = bytes.toByteArray();
        short[] pcm = new short[ulaw.length];
        for (int i = 0; i < ulaw.length; i++) {
            pcm[i] = G711.ulawToLinear(ulaw[i]);
        }
        double rms = SignalAnalysis.rms(pcm);
        double ratio = rms == 0 ? 0 : SignalAnalysis.toneAmplitude(pcm, Pcm.SAMPLE_RATE, hz) / rms;
        return new WireAudio(rows.size(), sizes, ratio);
    }
}
