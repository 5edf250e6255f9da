package org.cusax.xmpp.connection;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.cusax.core.connection.FailureReason;

/**
 * A resumed stream (XEP-0198 §5) is trusted once the server has answered a ping on it. Resuming does not prove
 * that the server reads what we send: Prosody 0.12 feeds a resumed session's new connection to the XML parser of
 * its old one, so when the old connection broke in the middle of a stanza (during a burst of requests) our first
 * bytes either break the stream (a not-well-formed stream error: the connection closes and Smack drops the
 * session) or silently go into the unfinished stanza, and nothing we send is ever answered. The second case is
 * found here: no answer within the reply timeout while the connection stays up gives the stream up together with
 * its XEP-0198 session. Prosody may also end the resumed stream with a bare {@code </stream>} and no error (Smack
 * then drops the session too). Every way the login attempt fails and the next one binds a new session.
 */
public final class ResumedStreamCheck {
    static final String NO_ANSWER = "the server did not answer on the resumed stream; starting a new session";
    static final String CLOSED = "the server closed the stream right after resuming it; starting a new session";

    private ResumedStreamCheck() {
    }

    /** Returns once the server answered on the resumed stream; throws why not otherwise. */
    public static void verify(RosterFirstConnection connection) throws Exception {
        AtomicReference<Exception> closedBy = new AtomicReference<>();
        switch (OrderedPing.ping(connection, closedBy::set)) {
            case ANSWERED -> {
                return;
            }
            case NO_ANSWER -> {
                connection.abandonStream(NO_ANSWER, Duration.ofMillis(connection.getReplyTimeout()));
                throw new SessionSetupException(FailureReason.of(FailureReason.Kind.TIMEOUT, NO_ANSWER));
            }
            default -> {
                Exception cause = closedBy.get();
                if (cause != null) {
                    throw cause; // e.g. the server's stream error
                }
                throw new SessionSetupException(FailureReason.of(FailureReason.Kind.CONNECTION_LOST, CLOSED));
            }
        }
    }
}
