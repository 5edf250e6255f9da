package org.cusax.sandbox.xmpp.sasl;

import org.apache.vysper.xmpp.modules.core.sasl.SASLFailureType;
import org.apache.vysper.xmpp.modules.core.sasl.handler.AbstractSASLHandler;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainer;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainerImpl;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.Stanza;

/** {@code <abort/>} (RFC 6120 §6.4.4): drops the exchange in progress and answers {@code <failure><aborted/>}. */
final class SaslAbortHandler extends AbstractSASLHandler {

    @Override
    public String getName() {
        return "abort";
    }

    @Override
    public boolean isSessionRequired() {
        return true;
    }

    @Override
    protected ResponseStanzaContainer executeWorker(Stanza stanza, SessionContext session, SessionStateHolder state) {
        SaslAuthHandler.forgetCurrent(session);
        return new ResponseStanzaContainerImpl(SaslOutcome.settle(session, SaslStanzas.failure(SASLFailureType.ABORTED)));
    }
}
