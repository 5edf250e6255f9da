package org.cusax.app.assembly;

import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;

/** Builds a not-yet-started client from a configuration. Tests substitute one that uses fakes. */
@FunctionalInterface
public interface ClientFactory {
    CusaxClient create(ClientConfig config);
}
