package org.cusax.media.codec;

import java.util.Locale;
import java.util.Optional;

/** Creates a codec for an RTP encoding (name and clock rate as negotiated in SDP). */
public final class Codecs {
    private Codecs() {
    }

    /** True if {@link #create} can make a codec for this encoding. */
    public static boolean supports(String encodingName, int clockRate) {
        return switch (encodingName.toUpperCase(Locale.ROOT)) {
            case "PCMU", "PCMA" -> clockRate == 8000;
            case "OPUS" -> clockRate == 48_000;
            default -> false;
        };
    }

    /** A new codec instance, or empty if the encoding is not supported. */
    public static Optional<AudioCodec> create(String encodingName, int clockRate) throws CodecException {
        if (!supports(encodingName, clockRate)) {
            return Optional.empty();
        }
        return Optional.of(switch (encodingName.toUpperCase(Locale.ROOT)) {
            case "PCMU" -> G711Codec.pcmu();
            case "PCMA" -> G711Codec.pcma();
            default -> new OpusCodec();
        });
    }
}
