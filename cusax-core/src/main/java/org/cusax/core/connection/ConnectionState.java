package org.cusax.core.connection;

/** Where a half is in its life. */
public enum ConnectionState {
    /** Not started, or stopped by the user. */
    OFFLINE,
    /** First login in progress. */
    CONNECTING,
    /** Logged in (XMPP) or registered (SIP). */
    ONLINE,
    /** Was online, lost the server, and is trying again by itself. */
    RECONNECTING,
    /** Gave up: a reason the user must act on (wrong password, bad certificate, bad config). */
    FAILED;

    public boolean up() {
        return this == ONLINE;
    }

    /** Settled: the half is either up or has failed for good; waiting longer changes nothing. */
    public boolean settled() {
        return this == ONLINE || this == FAILED || this == OFFLINE;
    }
}
