package org.cusax.xmpp.contacts;

import java.util.concurrent.atomic.AtomicLong;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;

/**
 * Smack's disco#info answering (XEP-0030), moved onto the connection's ordered listener queue and counting the
 * capability queries (XEP-0115 §6.2: a disco#info with a node) it answers. Smack's own handler answers on a
 * separate thread, so a query that came before a reply could still be unanswered, and uncounted, when that reply
 * is taken; on the ordered queue (where {@link org.cusax.xmpp.connection.OrderedPing} takes its answer) a query
 * that came first has been answered and counted by then.
 */
final class OrderedCapsQueries implements IQRequestHandler {
    private final IQRequestHandler smacks;
    private final AtomicLong answered = new AtomicLong();

    private OrderedCapsQueries(IQRequestHandler smacks) {
        this.smacks = smacks;
    }

    /** Wraps the connection's disco#info handler; the counter stays at 0 if there is none to wrap. */
    static OrderedCapsQueries install(XMPPConnection connection) {
        ServiceDiscoveryManager.getInstanceFor(connection); // registers Smack's handler
        IQRequestHandler stock = connection.unregisterIQRequestHandler(DiscoverInfo.ELEMENT, DiscoverInfo.NAMESPACE,
                IQ.Type.get);
        OrderedCapsQueries ordered = new OrderedCapsQueries(stock);
        if (stock != null) {
            connection.registerIQRequestHandler(ordered);
        }
        return ordered;
    }

    /** Capability queries answered so far. */
    long answered() {
        return answered.get();
    }

    @Override
    public IQ handleIQRequest(IQ request) {
        IQ answer = smacks.handleIQRequest(request);
        if (request instanceof DiscoverInfo info && info.getNode() != null) {
            answered.incrementAndGet();
        }
        return answer;
    }

    @Override
    public Mode getMode() {
        return Mode.sync;
    }

    @Override
    public IQ.Type getType() {
        return IQ.Type.get;
    }

    @Override
    public String getElement() {
        return DiscoverInfo.ELEMENT;
    }

    @Override
    public String getNamespace() {
        return DiscoverInfo.NAMESPACE;
    }
}
