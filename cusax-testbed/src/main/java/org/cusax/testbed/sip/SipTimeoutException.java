package org.cusax.testbed.sip;

/** No final response arrived in time (the server is down, or nothing answered). */
public final class SipTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SipTimeoutException(String message) {
        super(message);
    }
}
