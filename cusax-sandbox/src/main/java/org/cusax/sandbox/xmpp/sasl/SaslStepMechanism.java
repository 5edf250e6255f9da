package org.cusax.sandbox.xmpp.sasl;

import org.apache.vysper.xmpp.authorization.SASLMechanism;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.Stanza;

/**
 * A SASL mechanism that needs more than one round trip (RFC 6120 §6.4.2 challenge/response). Vysper
 * 0.7's {@link SASLMechanism} only has {@code started}, enough for PLAIN; the sandbox's
 * {@link SaslResponseHandler} hands each {@code <response/>} to the mechanism the session started.
 */
public interface SaslStepMechanism extends SASLMechanism {

    /** Handles a client {@code <response/>}; returns the next {@code <challenge/>}, {@code <success/>} or {@code <failure/>}. */
    Stanza responded(SessionContext session, SessionStateHolder state, Stanza response);

    /** Forgets any exchange in progress on this session (abort, failure, new {@code <auth/>}). */
    void reset(SessionContext session);
}
