package org.cusax.xmpp.connection;

import org.cusax.core.connection.FailureReason;

/** A step after login (roster, carbons, presence) failed; carries the reason to report. */
public final class SessionSetupException extends Exception {
    private final transient FailureReason reason;

    public SessionSetupException(FailureReason reason) {
        super(reason.message());
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }
}
