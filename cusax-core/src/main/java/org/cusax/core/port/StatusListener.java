package org.cusax.core.port;

import org.cusax.core.connection.ConnectionStatus;

/** Told every time a half's connection state changes. Called from the adapter's threads. */
@FunctionalInterface
public interface StatusListener {
    void onStatus(ConnectionStatus status);
}
