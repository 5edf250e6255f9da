package org.cusax.media.sdp;

import java.util.Locale;
import java.util.Optional;

/** The media direction attribute (RFC 3264 §5.1, §6.1), from the point of view of whoever wrote the SDP. */
public enum Direction {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The attribute name, e.g. "sendonly". */
    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The direction seen from the other side: sendonly ↔ recvonly (RFC 3264 §6.1). */
    public Direction mirror() {
        return of(receives, sends);
    }

    /** Both directions allow it. */
    public Direction intersect(Direction other) {
        return of(sends && other.sends, receives && other.receives);
    }

    public static Direction of(boolean sends, boolean receives) {
        if (sends) {
            return receives ? SENDRECV : SENDONLY;
        }
        return receives ? RECVONLY : INACTIVE;
    }

    /** The direction named by an attribute, if it is one. */
    public static Optional<Direction> fromAttribute(String attribute) {
        for (Direction d : values()) {
            if (d.attribute().equalsIgnoreCase(attribute)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
