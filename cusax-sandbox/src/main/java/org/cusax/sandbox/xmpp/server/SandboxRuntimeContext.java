package org.cusax.sandbox.xmpp.server;

import java.util.List;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.delivery.StanzaRelay;
import org.apache.vysper.xmpp.protocol.HandlerDictionary;
import org.apache.vysper.xmpp.protocol.ProtocolWorker;
import org.apache.vysper.xmpp.protocol.StanzaProcessor;
import org.apache.vysper.xmpp.server.DefaultServerRuntimeContext;
import org.apache.vysper.xmpp.server.ServerFeatures;
import org.apache.vysper.xmpp.state.resourcebinding.ResourceRegistry;

/**
 * Vysper's runtime context with in-order stanza processing. Vysper 0.7 hands every incoming stanza to a
 * pool of 10 threads, so two stanzas of one connection can be handled at once and out of order (seen
 * here as a stream header written twice, a STARTTLS answered before the stream was opened, messages
 * overtaking each other). The sandbox handles each stanza on its connection's MINA I/O thread instead,
 * in the order it arrived; handlers only queue deliveries, so they do not block that thread for long.
 */
public final class SandboxRuntimeContext extends DefaultServerRuntimeContext {
    private final StanzaProcessor inOrder = new ProtocolWorker();

    public SandboxRuntimeContext(Entity serverEntity, StanzaRelay relay, ServerFeatures features,
            List<HandlerDictionary> dictionaries, ResourceRegistry resources) {
        super(serverEntity, relay, features, dictionaries, resources);
    }

    @Override
    public StanzaProcessor getStanzaProcessor() {
        return inOrder;
    }
}
