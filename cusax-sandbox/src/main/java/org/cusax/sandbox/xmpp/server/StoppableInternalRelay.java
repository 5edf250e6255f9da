package org.cusax.sandbox.xmpp.server;

import java.util.concurrent.TimeUnit;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.authorization.AccountManagement;
import org.apache.vysper.xmpp.delivery.OfflineStanzaReceiver;
import org.apache.vysper.xmpp.delivery.inbound.DeliveringInternalInboundStanzaRelay;
import org.apache.vysper.xmpp.state.resourcebinding.ResourceRegistry;

/**
 * Vysper's local delivery stage with a way to stop it: its thread pool (10 non-daemon threads) is
 * otherwise never shut down, so a stopped server would keep the JVM alive.
 */
public final class StoppableInternalRelay extends DeliveringInternalInboundStanzaRelay {

    public StoppableInternalRelay(Entity serverEntity, ResourceRegistry resources, AccountManagement accounts,
            OfflineStanzaReceiver offline) {
        super(serverEntity, resources, accounts, offline);
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
}
