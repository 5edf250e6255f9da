package org.cusax.xmpp.features;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every Jingle request ({@code <jingle xmlns='urn:xmpp:jingle:1'/>}, e.g. session-initiate) with
 * {@code service-unavailable}, as XEP-0166 §10 and RFC 6120 §8.4 ask of an entity that does not support
 * the namespace. Smack's global default for unknown IQs would answer {@code feature-not-implemented};
 * registering per connection makes the answer explicit and independent of global settings.
 */
public final class JingleRejector {
    private static final Logger LOG = LoggerFactory.getLogger(JingleRejector.class);
    public static final String ELEMENT = "jingle";
    public static final String NAMESPACE = "urn:xmpp:jingle:1";

    private JingleRejector() {
    }

    /** Installs the rejector on a connection (replacing any Jingle handler). */
    public static void install(XMPPConnection connection) {
        connection.registerIQRequestHandler(new Handler());
    }

    /** The IQ handler itself. */
    static final class Handler extends AbstractIqRequestHandler {
        Handler() {
            super(ELEMENT, NAMESPACE, IQ.Type.set, IQRequestHandler.Mode.async);
        }

        @Override
        public IQ handleIQRequest(IQ request) {
            LOG.debug("refusing a Jingle request from {}: calls go over SIP", request.getFrom());
            return IQ.createErrorResponse(request, StanzaError.Condition.service_unavailable);
        }
    }
}
