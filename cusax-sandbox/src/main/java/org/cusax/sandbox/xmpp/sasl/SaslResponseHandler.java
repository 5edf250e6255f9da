package org.cusax.sandbox.xmpp.sasl;

import org.apache.vysper.xmpp.modules.core.sasl.SASLFailureType;
import org.apache.vysper.xmpp.modules.core.sasl.handler.AbstractSASLHandler;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainer;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainerImpl;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.Stanza;

/** {@code <response/>} (RFC 6120 §6.4.3): the next step of the mechanism this session started. */
final class SaslResponseHandler extends AbstractSASLHandler {

    @Override
    public String getName() {
        return "response";
    }

    @Override
    public boolean isSessionRequired() {
        return true;
    }

    @Override
    protected ResponseStanzaContainer executeWorker(Stanza stanza, SessionContext session, SessionStateHolder state) {
        Object current = session.getAttribute(SaslAuthHandler.CURRENT);
        if (!(current instanceof SaslStepMechanism step)) {
            return new ResponseStanzaContainerImpl(SaslOutcome.settle(session,
                    SaslStanzas.failure(SASLFailureType.MALFORMED_REQUEST)));
        }
        Stanza answer = step.responded(session, state, stanza);
        if (!"challenge".equals(answer.getName())) {
            SaslAuthHandler.forgetCurrent(session);
        }
        return new ResponseStanzaContainerImpl(SaslOutcome.settle(session, answer));
    }
}
