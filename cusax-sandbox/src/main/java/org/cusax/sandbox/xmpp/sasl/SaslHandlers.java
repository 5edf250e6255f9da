package org.cusax.sandbox.xmpp.sasl;

import org.apache.vysper.xmpp.protocol.NamespaceHandlerDictionary;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;

/**
 * The SASL stanza handlers the sandbox registers instead of Vysper 0.7's (which know {@code <auth/>}
 * only): {@code <auth/>}, {@code <response/>} and {@code <abort/>} (RFC 6120 §6.4).
 */
public final class SaslHandlers extends NamespaceHandlerDictionary {

    public SaslHandlers() {
        super(NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_SASL);
        register(new SaslAuthHandler());
        register(new SaslResponseHandler());
        register(new SaslAbortHandler());
        seal();
    }
}
