package org.cusax.sandbox.xmpp.sasl;

import org.apache.vysper.xmpp.authorization.SASLMechanism;
import org.apache.vysper.xmpp.modules.core.sasl.AuthorizationRetriesCounter;
import org.apache.vysper.xmpp.modules.core.sasl.SASLFailureType;
import org.apache.vysper.xmpp.modules.core.sasl.handler.AbstractSASLHandler;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainer;
import org.apache.vysper.xmpp.protocol.ResponseStanzaContainerImpl;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.stanza.Stanza;

/**
 * {@code <auth mechanism='…'/>} (RFC 6120 §6.4.2): starts the named mechanism. Unlike Vysper's own
 * handler it answers an unknown mechanism with {@code <invalid-mechanism/>} (§6.5.6), remembers a
 * multi-step mechanism for the {@code <response/>}s that follow, and counts a failed try only on failure.
 */
final class SaslAuthHandler extends AbstractSASLHandler {
    static final String CURRENT = SaslAuthHandler.class.getName() + ".current";

    @Override
    public String getName() {
        return "auth";
    }

    @Override
    public boolean isSessionRequired() {
        return true;
    }

    @Override
    protected ResponseStanzaContainer executeWorker(Stanza stanza, SessionContext session, SessionStateHolder state) {
        forgetCurrent(session);
        String requested = stanza.getAttributeValue("mechanism");
        SASLMechanism mechanism = null;
        for (SASLMechanism m : session.getServerRuntimeContext().getServerFeatures().getAuthenticationMethods()) {
            if (m.getName().equals(requested)) {
                mechanism = m;
            }
        }
        if (mechanism == null) {
            AuthorizationRetriesCounter.getFromSession(session).countFailedTry();
            return new ResponseStanzaContainerImpl(SaslStanzas.failure(SASLFailureType.INVALID_MECHANISM));
        }
        Stanza answer = mechanism.started(session, state, stanza);
        if (mechanism instanceof SaslStepMechanism step && "challenge".equals(answer.getName())) {
            session.putAttribute(CURRENT, step);
        }
        return new ResponseStanzaContainerImpl(SaslOutcome.settle(session, answer));
    }

    static void forgetCurrent(SessionContext session) {
        Object current = session.getAttribute(CURRENT);
        if (current instanceof SaslStepMechanism step) {
            step.reset(session);
        }
        session.putAttribute(CURRENT, null);
    }
}
