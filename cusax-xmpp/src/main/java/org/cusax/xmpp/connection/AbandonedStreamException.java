package org.cusax.xmpp.connection;

import org.jivesoftware.smack.sm.StreamManagementException;

/**
 * Why we gave up a resumed XEP-0198 stream ourselves ({@link RosterFirstConnection#abandonStream}). A
 * stream-management error, so that Smack drops the stream's resumption state as it does for its own.
 */
public final class AbandonedStreamException extends StreamManagementException {
    public AbandonedStreamException(String message) {
        super(message);
    }
}
