package org.cusax.core.config;

/**
 * The provider's service policy of RFC 7081 §2, honoured when the client starts.
 *
 * @param chatAfterTelephony connect Chat only once Telephony is registered
 * @param allOrNothing       stay disconnected unless both halves connect
 */
public record ServicePolicy(boolean chatAfterTelephony, boolean allOrNothing) {
    /** No policy: both halves start at once and stay up independently. */
    public static ServicePolicy independent() {
        return new ServicePolicy(false, false);
    }
}
