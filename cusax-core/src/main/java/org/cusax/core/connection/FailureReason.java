package org.cusax.core.connection;

/**
 * Why a half is not up, in words a user can act on. Never carries a secret.
 *
 * @param kind    the class of problem
 * @param message a clear, single-sentence explanation
 */
public record FailureReason(Kind kind, String message) {

    /** Classes of failure. {@link #permanent()} ones are not retried automatically. */
    public enum Kind {
        AUTHENTICATION(true),
        CERTIFICATE(true),
        TLS_UNAVAILABLE(true),
        CONFIGURATION(true),
        /** Kept down by the security-profile guard: weaker than the other half (security.profile = matched). */
        SECURITY_PROFILE(true),
        UNREACHABLE(false),
        CONNECTION_LOST(false),
        TIMEOUT(false),
        SERVER_ERROR(false),
        PROTOCOL(false);

        private final boolean permanent;

        Kind(boolean permanent) {
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    public FailureReason {
        if (kind == null || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a failure reason needs a kind and a message");
        }
    }

    public static FailureReason of(Kind kind, String message) {
        return new FailureReason(kind, message);
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
