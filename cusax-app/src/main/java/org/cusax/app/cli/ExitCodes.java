package org.cusax.app.cli;

/** Process exit codes of the {@code cusax} command; documented in docs/cli.md. */
public final class ExitCodes {
    /** Done: every configured half online (status), message acknowledged by the server (chat). */
    public static final int OK = 0;
    /** An unexpected internal error; the log says more. */
    public static final int INTERNAL = 1;
    /** Wrong command-line usage. */
    public static final int USAGE = 2;
    /** The configuration is invalid or unreadable. */
    public static final int CONFIG = 3;
    /** A configured half is not online (failed, or still connecting when the wait ran out). */
    public static final int NOT_ONLINE = 4;
    /** A chat message was not confirmed by the server in time (Chat down or slow). */
    public static final int NOT_DELIVERED = 5;
    /** A chat message was refused (error from the server or the peer's server). */
    public static final int DELIVERY_FAILED = 6;
    /** A call has no route (unknown contact, no number, no telephony account online…). */
    public static final int NO_ROUTE = 7;
    /** A call was not answered (busy, declined, not found, cancelled, failed). */
    public static final int CALL_FAILED = 8;
    /** A live-session verb found no daemon for the account, or {@code serve} found one already running. */
    public static final int DAEMON = 9;
    /** Sign-in refused by the provisioning server: wrong user id or password, or too many attempts. */
    public static final int SIGN_IN_REFUSED = 10;
    /** The provisioning server was refused or not reached (not HTTPS, certificate, unreachable, error). */
    public static final int PROVISIONING_FAILED = 11;

    private ExitCodes() {
    }
}
