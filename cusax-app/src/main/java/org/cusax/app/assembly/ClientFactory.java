package org.cusax.app.assembly;

import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;

/** Builds a not-yet-started client from a configuration. Tests substitute one that uses fakes. */
@FunctionalInterface
public interface ClientFactory {
    CusaxClient create(ClientConfig config);

    /** The machine's sound devices ({@code cusax audio-devices}); none unless the factory has a sound system. */
    default org.cusax.core.port.AudioDevicesPort audioDevices() {
        return org.cusax.core.port.AudioDevicesPort.none();
    }
}
