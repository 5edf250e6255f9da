package org.cusax.sip.hostile;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.cusax.core.account.Features;
import org.cusax.core.account.Transport;
import org.cusax.sip.net.FlowMonitor;
import org.cusax.sip.processor.MethodCapabilities;
import org.cusax.sip.processor.RequestDispatcher;
import org.cusax.sip.processor.Responder;
import org.cusax.sip.stack.EndpointConfig;
import org.cusax.sip.stack.SipEndpoint;
import org.cusax.sip.testing.RequestListener;
import org.cusax.sip.tls.TlsPolicy;

/**
 * Test fixture: our SIP endpoint and request dispatcher (the client's listener without calls, which
 * declines INVITEs with 480) on loopback over one transport, counting what escaped the dispatcher.
 */
final class ListenerUnderTest implements AutoCloseable {
    final SipEndpoint endpoint;
    final AtomicInteger listenerFailures = new AtomicInteger();
    private volatile RequestDispatcher dispatcher;

    ListenerUnderTest(Transport transport, int maxMessageSize) throws Exception {
        this(transport, maxMessageSize, Optional.empty());
    }

    /** Over TLS {@code tls} must hold a listener identity. */
    ListenerUnderTest(Transport transport, int maxMessageSize, Optional<TlsPolicy> tls) throws Exception {
        this(transport, maxMessageSize, tls, new InetSocketAddress("127.0.0.1", 9));
    }

    /** With {@code server} as the stack's outbound proxy (where every request it sends goes). */
    ListenerUnderTest(Transport transport, int maxMessageSize, Optional<TlsPolicy> tls, InetSocketAddress server)
            throws Exception {
        EndpointConfig config = new EndpointConfig("hostile-" + System.nanoTime(), InetAddress.getLoopbackAddress(), 0,
                transport, server, maxMessageSize, Duration.ofSeconds(2),
                Duration.ofSeconds(2), tls, new FlowMonitor());
        endpoint = SipEndpoint.open(config, new RequestListener(e -> {
            try {
                dispatcher.dispatch(e);
            } catch (RuntimeException | Error ex) {
                listenerFailures.incrementAndGet();
                throw ex;
            }
        }));
        dispatcher = RequestDispatcher.standard(new Responder(endpoint.provider(), endpoint.messages(),
                endpoint.headers(), new MethodCapabilities(Features.telephonyDefaults()), "cusax-test/1"));
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.listeningPoint().getPort());
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
