package org.cusax.sip.stack;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

import org.cusax.core.account.Transport;
import org.cusax.sip.net.FlowMonitor;
import org.cusax.sip.tls.TlsPolicy;

/**
 * What one SIP stack is built from.
 *
 * @param stackName        unique per stack in the JVM
 * @param localAddress     address to bind and advertise
 * @param localPort        listening port, 0 for any free one
 * @param transport        UDP, TCP or TLS
 * @param server           the outbound proxy (registrar) every request goes to
 * @param maxMessageSize   largest SIP message accepted, bytes
 * @param connectTimeout   TCP connect timeout
 * @param handshakeTimeout TLS handshake timeout
 * @param tls              the TLS policy, required for TLS
 * @param flows            observes the connections the stack opens
 */
public record EndpointConfig(String stackName, InetAddress localAddress, int localPort, Transport transport,
                             InetSocketAddress server, int maxMessageSize, Duration connectTimeout,
                             Duration handshakeTimeout, Optional<TlsPolicy> tls, FlowMonitor flows) {
    public EndpointConfig {
        if (transport == Transport.TLS && tls.isEmpty()) {
            throw new IllegalArgumentException("a TLS endpoint needs a TLS policy");
        }
    }
}
