package org.cusax.sip.stack;

import java.util.Properties;

/**
 * The JAIN-SIP configuration we run with. Notable choices:
 * <ul>
 *   <li>our {@link PolicyNetworkLayer} creates every socket (TLS through our policy, connections observed);</li>
 *   <li>TLS protocols and cipher suites set explicitly: the stack would otherwise force TLSv1/1.1 and its
 *       default suite list (which even names anonymous suites) onto every socket it creates;</li>
 *   <li>message size limit, handshake timeout, and the blocking (OIO) processors our network layer serves;</li>
 *   <li>every request goes to the configured server ({@code javax.sip.OUTBOUND_PROXY});</li>
 *   <li>stack logging bridged to SLF4J;</li>
 *   <li>hostile-input limits, all here: {@code MAX_MESSAGE_SIZE} (the body; header blocks over UDP are
 *       bounded by our network layer, over TCP by JAIN-SIP's parser), at most 64 connections, a 10 s read
 *       timeout, at most {@value #MAX_SERVER_TRANSACTIONS} server transactions, and the
 *       {@link ViaTransportValve} so a request whose Via names another transport is still answered.</li>
 * </ul>
 */
public final class StackProperties {
    /** Server transactions alive at once; beyond it JAIN-SIP refuses new requests. */
    public static final int MAX_SERVER_TRANSACTIONS = 1000;
    /**
     * JAIN-SIP's stream parser closes a connection whose header block exceeds half its MAX_MESSAGE_SIZE; the
     * stack gets this multiple of {@code sip.max-message-size} and {@link ViaTransportValve} enforces the
     * configured size itself, so that any message under it is handled on every transport and one over it
     * (header block up to twice the size) is answered 513.
     */
    public static final int HEADER_HEADROOM = 4;

    private StackProperties() {
    }

    public static Properties of(EndpointConfig c) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", c.stackName());
        p.setProperty("javax.sip.IP_ADDRESS", c.localAddress().getHostAddress());
        p.setProperty("javax.sip.OUTBOUND_PROXY", c.server().getAddress().getHostAddress() + ":"
                + c.server().getPort() + "/" + c.transport().lowerName());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                "gov.nist.javax.sip.stack.OIOMessageProcessorFactory");
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", PolicyNetworkLayer.class.getName());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "32");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Long.toString(Math.min(Integer.MAX_VALUE,
                (long) c.maxMessageSize() * HEADER_HEADROOM)));
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "10000");
        p.setProperty("gov.nist.javax.sip.CONNECTION_TIMEOUT", Long.toString(c.connectTimeout().toMillis()));
        p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", Long.toString(c.handshakeTimeout().toMillis()));
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", "64");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", Integer.toString(MAX_SERVER_TRANSACTIONS));
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", ViaTransportValve.class.getName());
        c.tls().ifPresent(tls -> {
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", tls.protocols()));
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", tls.cipherSuites()));
        });
        return p;
    }
}
