package org.cusax.sip.stack;

/** The SIP stack could not be created or bound (bad local address or port, missing transport). */
public final class SipSetupException extends Exception {
    public SipSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
