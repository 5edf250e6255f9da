package org.cusax.core.call;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Why a call ended, with the SIP status when one caused it (RFC 3261 §21).
 *
 * @param kind      the user-facing category
 * @param sipStatus the final status that ended the call, or empty (e.g. after a BYE)
 * @param message   a short human explanation; never contains secrets
 */
public record EndReason(Kind kind, OptionalInt sipStatus, String message) {
    /** User-facing categories. */
    public enum Kind {
        HUNG_UP_LOCALLY, HUNG_UP_REMOTELY, CANCELLED, BUSY, DECLINED, NOT_FOUND, UNAVAILABLE, REJECTED_LOCALLY,
        AUTH_FAILED, NO_MEDIA, NO_ANSWER, MEDIA_TIMEOUT,
        /** The security guard refused the call's media: weaker than its signalling (security.profile). */
        INSECURE_MEDIA, FAILED;

        public String token() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public EndReason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sipStatus, "sipStatus");
        Objects.requireNonNull(message, "message");
    }

    public static EndReason of(Kind kind, String message) {
        return new EndReason(kind, OptionalInt.empty(), message);
    }

    /** The reason a final non-2xx response to our INVITE gives (RFC 3261 §21.4–21.6). */
    public static EndReason fromStatus(int status, String phrase) {
        String text = status + (phrase == null || phrase.isBlank() ? "" : " " + phrase);
        Kind kind = switch (status) {
            case 486, 600 -> Kind.BUSY;
            case 603 -> Kind.DECLINED;
            case 404, 604 -> Kind.NOT_FOUND;
            case 480, 408 -> Kind.UNAVAILABLE;
            case 487 -> Kind.CANCELLED;
            case 401, 407, 403 -> Kind.AUTH_FAILED;
            case 488, 606 -> Kind.NO_MEDIA;
            default -> Kind.FAILED;
        };
        return new EndReason(kind, OptionalInt.of(status), text);
    }
}
