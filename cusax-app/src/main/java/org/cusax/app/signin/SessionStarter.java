package org.cusax.app.signin;

import org.cusax.core.config.ClientConfig;

/** Starts (and stops) the daemon's session once a sign-in has kept a configuration. */
public interface SessionStarter {
    /** The session could not start (e.g. another daemon serves the account); the message says why. */
    final class Refused extends Exception {
        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Starts the session on {@code config} exactly as a configured {@code cusax serve} would. */
    void start(ClientConfig config) throws Refused;

    /** Ends the session (logs out, as {@code cusax serve} does when stopped); the page is signed out. */
    void stop();
}
