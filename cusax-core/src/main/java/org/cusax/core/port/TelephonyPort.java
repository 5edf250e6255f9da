package org.cusax.core.port;

/**
 * The SIP half: register, keep the registration fresh, stay reachable.
 *
 * <p>Once started the port keeps itself registered (refresh before expiry, keepalive on TCP/TLS,
 * re-register with backoff after a loss) until {@link #stop()}, which un-registers. It gives up only on
 * permanent failures (wrong password, refused certificate), reporting FAILED.
 */
public interface TelephonyPort {
    /** Starts registering in the background and returns at once. Called once. */
    void start(TelephonyCallbacks callbacks);

    /** Un-registers (REGISTER with Expires: 0) and releases the SIP stack; bounded in time. */
    void stop();
}
