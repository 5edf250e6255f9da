package org.cusax.xmpp.connection;

import org.cusax.core.connection.ChannelSecurity;

/** What the {@link ConnectionSupervisor} asks of the rest of the adapter around each login. */
public interface SessionHooks {
    /**
     * Runs on the supervisor's thread right after a successful login, before ONLINE is reported: load
     * the roster, enable carbons, send presence. Throwing makes the attempt count as failed.
     *
     * @param resumed the XEP-0198 stream was resumed, so the server kept roster, presence and carbons
     */
    void established(boolean resumed) throws Exception;

    /** How the current connection is protected, reported with ONLINE. */
    ChannelSecurity security();
}
