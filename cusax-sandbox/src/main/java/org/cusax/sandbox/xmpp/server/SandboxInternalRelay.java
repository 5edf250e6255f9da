package org.cusax.sandbox.xmpp.server;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.authorization.AccountManagement;
import org.apache.vysper.xmpp.delivery.OfflineStanzaReceiver;
import org.apache.vysper.xmpp.delivery.failure.DeliveryException;
import org.apache.vysper.xmpp.delivery.failure.DeliveryFailureStrategy;
import org.apache.vysper.xmpp.delivery.failure.IgnoreFailureStrategy;
import org.apache.vysper.xmpp.delivery.failure.NoSuchLocalUserException;
import org.apache.vysper.xmpp.delivery.inbound.DeliveringInternalInboundStanzaRelay;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;
import org.apache.vysper.xmpp.server.ServerRuntimeContext;
import org.apache.vysper.xmpp.stanza.MessageStanza;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.apache.vysper.xmpp.stanza.StanzaBuilder;
import org.apache.vysper.xmpp.stanza.StanzaErrorCondition;
import org.apache.vysper.xmpp.stanza.StanzaErrorType;
import org.apache.vysper.xmpp.state.resourcebinding.ResourceRegistry;

/**
 * Vysper's local delivery stage with these fixes: deliveries run in order on one thread that can be
 * stopped (Vysper's pool of 10 non-daemon threads reorders them and is never shut down); presence probes
 * are answered per resource ({@link ProbeAnswers}); and a message to an account
 * that does not exist is answered with {@code <service-unavailable/>} from that address (RFC 6121
 * §8.5.2.1.1) — Vysper 0.7 picks that condition but never sends the error, so the sender would not know.
 */
public final class SandboxInternalRelay extends DeliveringInternalInboundStanzaRelay {
    private volatile ServerRuntimeContext server;

    public SandboxInternalRelay(Entity serverEntity, ResourceRegistry resources, AccountManagement accounts,
            OfflineStanzaReceiver offline) {
        super(serverEntity, resources, accounts, offline);
        // One delivery thread instead of Vysper's pool: deliveries keep their order (two messages from
        // alice to bob arrive as sent), and the thread does not keep a stopped server's JVM alive.
        executor.shutdown();
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sandbox-xmpp-delivery");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void setServerRuntimeContext(ServerRuntimeContext serverRuntimeContext) {
        super.setServerRuntimeContext(serverRuntimeContext);
        this.server = serverRuntimeContext;
    }

    @Override
    public void relay(Entity receiver, Stanza stanza, DeliveryFailureStrategy strategy) throws DeliveryException {
        ServerRuntimeContext s = server;
        if (s != null && ProbeAnswers.isProbe(stanza, s.getServerEnitity())) {
            ProbeAnswers.answer(s, this, stanza);
            return;
        }
        super.relay(receiver, stanza, strategy == null ? null : new NoSuchUserAnswered(strategy));
    }

    /** Lets queued deliveries finish for up to {@code millis}, then stops the threads. */
    public void shutdown(long millis) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private final class NoSuchUserAnswered implements DeliveryFailureStrategy {
        private final DeliveryFailureStrategy next;

        NoSuchUserAnswered(DeliveryFailureStrategy next) {
            this.next = next;
        }

        @Override
        public void process(Stanza failed, List<DeliveryException> errors) throws DeliveryException {
            boolean noSuchUser = errors != null && errors.size() == 1 && errors.get(0) instanceof NoSuchLocalUserException;
            if (noSuchUser && MessageStanza.isOfType(failed) && !"error".equals(failed.getAttributeValue("type"))
                    && failed.getFrom() != null && server != null) {
                StanzaBuilder error = new StanzaBuilder("message", NamespaceURIs.JABBER_CLIENT)
                        .addAttribute("from", failed.getTo().getBareJID().getFullQualifiedName())
                        .addAttribute("to", failed.getFrom().getFullQualifiedName())
                        .addAttribute("type", "error");
                if (failed.getAttributeValue("id") != null) {
                    error.addAttribute("id", failed.getAttributeValue("id"));
                }
                error.startInnerElement("error", NamespaceURIs.JABBER_CLIENT)
                        .addAttribute("type", StanzaErrorType.CANCEL.value())
                        .startInnerElement(StanzaErrorCondition.SERVICE_UNAVAILABLE.value(),
                                NamespaceURIs.URN_IETF_PARAMS_XML_NS_XMPP_STANZAS).endInnerElement()
                        .endInnerElement();
                server.getStanzaRelay().relay(failed.getFrom(), error.build(), IgnoreFailureStrategy.IGNORE_FAILURE_STRATEGY);
                return;
            }
            next.process(failed, errors);
        }
    }
}
