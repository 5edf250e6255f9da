package org.cusax.sandbox.xmpp.server;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.vysper.storage.OpenStorageProviderRegistry;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.authorization.SASLMechanism;
import org.apache.vysper.xmpp.cryptography.TLSContextFactory;
import org.apache.vysper.xmpp.delivery.StanzaRelayBroker;
import org.apache.vysper.xmpp.delivery.inbound.DeliveringExternalInboundStanzaRelay;
import org.apache.vysper.xmpp.modules.Module;
import org.apache.vysper.xmpp.modules.roster.persistence.MemoryRosterManager;
import org.apache.vysper.xmpp.protocol.HandlerDictionary;
import org.apache.vysper.xmpp.server.ServerFeatures;
import org.apache.vysper.xmpp.state.resourcebinding.ResourceRegistry;
import org.cusax.sandbox.xmpp.sasl.SaslHandlers;

/**
 * Vysper 0.7 assembled the way the sandbox needs it, in place of Vysper's {@code XMPPServer} (which
 * hard-wires PLAIN-only SASL, a trust-all TLS setup and an every-interface endpoint): in-order stanza
 * processing, the sandbox's SASL handlers, STARTTLS required, no server-to-server, one loopback endpoint.
 */
public final class VysperServer {
    private final SandboxRuntimeContext context;
    private final SandboxInternalRelay internalRelay;
    private final ExecutorService externalThreads;
    private final LoopbackEndpoint endpoint;

    /**
     * Starts listening.
     *
     * @param modules extension modules (disco, roster, vcard-temp, PEP, …), added in this order
     * @throws IOException if the address cannot be bound (nothing is left running then)
     */
    public static VysperServer start(String domain, InetAddress address, int port, TLSContextFactory tls,
            List<SASLMechanism> mechanisms, SandboxAccounts accounts, MemoryRosterManager rosters,
            OfflineMessages offline, List<Module> modules) throws IOException {
        OpenStorageProviderRegistry storage = new OpenStorageProviderRegistry();
        storage.add(accounts);
        storage.add(rosters);
        storage.add(offline);

        Entity serverEntity = new EntityImpl(null, domain, null);
        ResourceRegistry resources = new ResourceRegistry();
        SandboxInternalRelay internalRelay = new SandboxInternalRelay(serverEntity, resources, accounts, offline);
        ExecutorService externalThreads = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sandbox-xmpp-s2s");
            t.setDaemon(true);
            return t;
        });
        DeliveringExternalInboundStanzaRelay externalRelay = new DeliveringExternalInboundStanzaRelay(externalThreads);
        StanzaRelayBroker relay = new StanzaRelayBroker();
        relay.setInternalRelay(internalRelay);
        relay.setExternalRelay(externalRelay);

        ServerFeatures features = new ServerFeatures();
        features.setStartTLSRequired(true);
        features.setRelayingToFederationServers(false);
        features.setAuthenticationMethods(mechanisms);

        SandboxRuntimeContext context = new SandboxRuntimeContext(serverEntity, relay, features, coreDictionaries(),
                resources);
        context.setStorageProviderRegistry(storage);
        context.setTlsContextFactory(tls);
        modules.forEach(context::addModule);
        relay.setServerRuntimeContext(context);
        internalRelay.setServerRuntimeContext(context);
        externalRelay.setServerRuntimeContext(context);

        LoopbackEndpoint endpoint = new LoopbackEndpoint(address, port);
        endpoint.setServerRuntimeContext(context);
        try {
            endpoint.start();
        } catch (IOException | RuntimeException e) {
            internalRelay.shutdown(0);
            externalThreads.shutdownNow();
            throw e;
        }
        return new VysperServer(context, internalRelay, externalThreads, endpoint);
    }

    private VysperServer(SandboxRuntimeContext context, SandboxInternalRelay internalRelay,
            ExecutorService externalThreads, LoopbackEndpoint endpoint) {
        this.context = context;
        this.internalRelay = internalRelay;
        this.externalThreads = externalThreads;
        this.endpoint = endpoint;
    }

    /** Vysper's core handlers, with the sandbox's SASL handlers in place of Vysper's PLAIN-only ones. */
    private static List<HandlerDictionary> coreDictionaries() {
        return List.of(
                new org.apache.vysper.xmpp.modules.core.base.BaseStreamStanzaDictionary(),
                new org.apache.vysper.xmpp.modules.core.starttls.StartTLSStanzaDictionary(),
                new SaslHandlers(),
                new org.apache.vysper.xmpp.modules.core.bind.BindResourceDictionary(),
                new org.apache.vysper.xmpp.modules.core.session.SessionStanzaDictionary());
    }

    /** The port bound. */
    public int port() {
        return endpoint.port();
    }

    /** Closes the port and the connections, then the delivery threads (queued deliveries get a second). */
    public void stop() {
        try {
            endpoint.stop();
        } finally {
            context.getServerConnectorRegistry().close();
            internalRelay.shutdown(1000);
            externalThreads.shutdownNow();
        }
    }
}
