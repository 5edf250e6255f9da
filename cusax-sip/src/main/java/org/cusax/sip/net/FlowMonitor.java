package org.cusax.sip.net;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Knows the flows a SIP stack opened and tells a listener when one closes. One monitor per stack.
 */
public final class FlowMonitor {
    private final CopyOnWriteArrayList<Flow> flows = new CopyOnWriteArrayList<>();
    private volatile BiConsumer<Flow, String> onClosed = (f, why) -> { };

    /** Called (from the socket's reader thread) with the flow and a short reason when a flow closes. */
    public void onClosed(BiConsumer<Flow, String> listener) {
        this.onClosed = listener;
    }

    /** The newest open flow to {@code remote}. */
    public Optional<Flow> find(InetSocketAddress remote) {
        for (int i = flows.size() - 1; i >= 0; i--) {
            Flow f = flows.get(i);
            if (f.isOpen() && f.remote().equals(remote)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The open flow whose local end is {@code local}. */
    public Optional<Flow> byLocal(InetSocketAddress local) {
        return flows.stream().filter(f -> f.isOpen() && f.local().getPort() == local.getPort()).findFirst();
    }

    Flow register(ObservedSocket socket) {
        Flow flow = new Flow((InetSocketAddress) socket.getLocalSocketAddress(),
                (InetSocketAddress) socket.getRemoteSocketAddress(), socket, this);
        flows.add(flow);
        return flow;
    }

    void closed(Flow flow, String why) {
        flows.remove(flow);
        onClosed.accept(flow, why);
    }
}
