package org.cusax.media.sdp;

import java.util.List;
import java.util.Optional;

/** A whole SDP body: origin, session name and the media descriptions in order. Immutable. */
public record SessionDescription(Origin origin, String sessionName, List<MediaDescription> media) {
    public SessionDescription {
        if (origin == null) {
            throw new IllegalArgumentException("origin must be given");
        }
        sessionName = sessionName == null || sessionName.isBlank() ? "-" : sessionName;
        media = List.copyOf(media);
    }

    /** Parses an SDP body; see {@link SdpParser}. */
    public static SessionDescription parse(String sdp) throws SdpParseException {
        return SdpParser.parse(sdp);
    }

    /** The first audio m-line, if any. */
    public Optional<MediaDescription> audio() {
        return media.stream().filter(m -> "audio".equalsIgnoreCase(m.media())).findFirst();
    }

    /** The SDP text, CRLF line ends, ready to be a SIP body. */
    public String toSdp() {
        return SdpWriter.write(this);
    }

    @Override
    public String toString() {
        return "SessionDescription[" + origin + ", " + media.size() + " media]";
    }
}
