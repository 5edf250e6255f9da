package org.cusax.media.rtp;

import java.util.HashMap;
import java.util.Map;
import org.cusax.media.codec.AudioCodec;
import org.cusax.media.codec.CodecException;
import org.cusax.media.codec.Codecs;
import org.cusax.media.dtmf.DtmfSender;
import org.cusax.media.sdp.NegotiatedMedia;
import org.cusax.media.sdp.PayloadFormat;
import org.cusax.media.srtp.SrtpException;
import org.cusax.media.srtp.SrtpParameters;
import org.cusax.media.srtp.SrtpTransform;

/** Everything built from one {@link NegotiatedMedia}: encoder, decoders by payload type, DTMF, SRTP. */
final class MediaState implements AutoCloseable {
    final NegotiatedMedia media;
    final AudioCodec encoder;
    final Map<Integer, AudioCodec> decoders;
    final Map<Integer, Integer> clockRates;
    final int dtmfPayloadType;
    final DtmfSender dtmfSender;
    final SrtpTransform srtpOut;
    final SrtpTransform srtpIn;

    private MediaState(NegotiatedMedia media, AudioCodec encoder, Map<Integer, AudioCodec> decoders,
            Map<Integer, Integer> clockRates, SrtpTransform srtpOut, SrtpTransform srtpIn, MediaState previous) {
        this.media = media;
        this.encoder = encoder;
        this.decoders = Map.copyOf(decoders);
        this.clockRates = Map.copyOf(clockRates);
        this.dtmfPayloadType = media.dtmf().map(PayloadFormat::payloadType).orElse(-1);
        boolean keep = previous != null && previous.dtmfSender != null && media.dtmf().isPresent()
                && previous.media.dtmf().orElseThrow().clockRate() == media.dtmf().get().clockRate();
        this.dtmfSender = keep ? previous.dtmfSender
                : media.dtmf().map(f -> DtmfSender.standard(f.clockRate())).orElse(null);
        this.srtpOut = srtpOut;
        this.srtpIn = srtpIn;
    }

    /** Builds the state; digits still queued in {@code previous} carry over when the DTMF clock is unchanged. */
    static MediaState create(NegotiatedMedia media, MediaState previous) throws MediaStartException {
        try {
            AudioCodec encoder = codec(media.sendFormat());
            Map<Integer, AudioCodec> decoders = new HashMap<>();
            Map<Integer, Integer> clocks = new HashMap<>();
            for (PayloadFormat f : media.receiveFormats()) {
                decoders.put(f.payloadType(), codec(f));
                clocks.put(f.payloadType(), f.clockRate());
            }
            SrtpTransform out = null;
            SrtpTransform in = null;
            if (previous != null && previous.srtpOut != null && media.srtp().equals(previous.media.srtp())) {
                // same keys (RFC 4568 §7.1.4: unchanged crypto in a new offer): the crypto contexts, with their
                // rollover counters and replay windows, carry on
                out = previous.srtpOut;
                in = previous.srtpIn;
            } else if (media.srtp().isPresent()) {
                SrtpParameters p = media.srtp().get();
                out = SrtpTransform.sender(p.profile(), p.localKey());
                try {
                    in = SrtpTransform.receiver(p.profile(), p.remoteKey());
                } catch (SrtpException e) {
                    out.close();
                    throw e;
                }
            }
            return new MediaState(media, encoder, decoders, clocks, out, in, previous);
        } catch (CodecException e) {
            throw new MediaStartException("codec cannot start: " + e.getMessage(), e);
        } catch (SrtpException e) {
            throw new MediaStartException("SRTP cannot start: " + e.getMessage(), e);
        }
    }

    private static AudioCodec codec(PayloadFormat f) throws CodecException {
        return Codecs.create(f.encodingName(), f.clockRate())
                .orElseThrow(() -> new CodecException("no codec for " + f.rtpmap()));
    }

    /** Releases what {@code next} (the state replacing this one) does not share. */
    void closeReplacedBy(MediaState next) {
        if (srtpOut != null && srtpOut != next.srtpOut) {
            srtpOut.close();
        }
        if (srtpIn != null && srtpIn != next.srtpIn) {
            srtpIn.close();
        }
    }

    @Override
    public void close() {
        if (srtpOut != null) {
            srtpOut.close();
        }
        if (srtpIn != null) {
            srtpIn.close();
        }
    }
}
