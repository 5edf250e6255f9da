package org.cusax.media.rtp;

import java.util.Optional;
import org.cusax.media.audio.AudioSink;
import org.cusax.media.audio.Pcm;
import org.cusax.media.codec.AudioCodec;
import org.cusax.media.codec.CodecException;
import org.cusax.media.codec.PitchConcealment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The playing half of a session's tick: one 20 ms frame per tick from the jitter buffer, decoded, into the
 * sink. Once playout has started, a frame with no packet to play is concealed, up to 60 ms in a row: by the
 * codec's own concealment (Opus) or by repeating the last pitch period, fading ({@link PitchConcealment},
 * G.711); after that, silence, until packets come again (a packet late or missing when its turn comes is
 * covered; a peer that stops sending, on silence suppression or a DTMF event, fades out). After a stall the
 * tick skips frames rather than playing a burst: {@link #skip} moves the jitter buffer's playout point on by as
 * many packets, so what was due meanwhile is dropped unplayed, or counted late when it arrives, and the delay
 * stays what it was.
 * Called from the tick only, under the session's tick lock.
 */
final class Playout {
    private static final Logger LOG = LoggerFactory.getLogger(Playout.class);

    private final JitterBuffer jitter;
    private final Counters counters;
    private final short[] pending = new short[Pcm.SAMPLE_RATE];
    private int pendingLength;
    private final PitchConcealment waveform = new PitchConcealment();
    /** The codec of the last packet played: whose own concealment covers a loss, if it has one. */
    private AudioCodec lastCodec;
    private int concealedFrames;

    Playout(JitterBuffer jitter, Counters counters) {
        this.jitter = jitter;
        this.counters = counters;
    }

    /** Plays the next frame into {@code sink}, or drains the buffer unheard when {@code s} does not receive. */
    void play(MediaState s, AudioSink sink) {
        while (pendingLength < Pcm.FRAME_SAMPLES) {
            Optional<RtpPacket> p = jitter.poll();
            if (p.isEmpty()) {
                break;
            }
            var decoder = s.decoders.get(p.get().payloadType());
            if (decoder == null) {
                continue;
            }
            try {
                short[] pcm = decoder.decode(p.get().payload());
                lastCodec = decoder;
                int n = Math.min(pcm.length, pending.length - pendingLength);
                System.arraycopy(pcm, 0, pending, pendingLength, n);
                pendingLength += n;
            } catch (CodecException e) {
                counters.malformed.incrementAndGet();
                LOG.debug("undecodable payload: {}", e.getMessage());
            }
        }
        if (!s.media.direction().receives()) {
            pendingLength = 0;
            return;
        }
        if (pendingLength == 0 && !jitter.isPlaying()) {
            return;
        }
        if (pendingLength == 0) {
            sink.write(concealment());
            return;
        }
        short[] out = new short[Pcm.FRAME_SAMPLES];
        int n = Math.min(pendingLength, out.length);
        System.arraycopy(pending, 0, out, 0, n);
        System.arraycopy(pending, n, pending, 0, pendingLength - n);
        pendingLength -= n;
        concealedFrames = 0;
        waveform.played(out);
        sink.write(out);
    }

    /** A frame for one with no packet: concealed for up to 60 ms in a row, then silence. */
    private short[] concealment() {
        if (concealedFrames * Pcm.FRAME_SAMPLES >= PitchConcealment.LONGEST) {
            return new short[Pcm.FRAME_SAMPLES];
        }
        concealedFrames++;
        counters.framesConcealed.incrementAndGet();
        Optional<short[]> own = lastCodec == null ? Optional.empty() : lastCodec.conceal(Pcm.FRAME_SAMPLES);
        if (own.isPresent() && own.get().length == Pcm.FRAME_SAMPLES) {
            return own.get();
        }
        return waveform.conceal(Pcm.FRAME_SAMPLES);
    }

    /**
     * Skips {@code frames} frames without playing them: the decoded rest of the last packet is dropped and,
     * while {@code s} receives, the playout point moves on by {@code frames} packets (we send and expect one
     * packet per 20 ms frame). While the peer is not meant to send (hold) nothing it sends later is stale, so
     * the playout point stays.
     */
    void skip(MediaState s, long frames) {
        pendingLength = 0;
        if (s.media.direction().receives()) {
            jitter.skip(frames);
        }
    }
}
