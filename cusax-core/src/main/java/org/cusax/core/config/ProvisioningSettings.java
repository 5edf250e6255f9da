package org.cusax.core.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where this configuration was provisioned from and how to ask for a newer one.
 *
 * @param url          the provisioning URL (https only), if any
 * @param version      the version of the provisioning document kept in this file
 * @param user         the user id given to the provisioning server
 * @param passwordFile the file holding the password sent to the provisioning server
 * @param trustStore   CA certificates trusted for the provisioning server; empty = the system store
 * @param refresh      ask for a newer document on each start
 * @param dnsServer    the DNS server (host:port) used for discovery; empty = the system resolver
 */
public record ProvisioningSettings(Optional<String> url, Optional<String> version, Optional<String> user,
                                   Optional<Path> passwordFile, Optional<Path> trustStore, boolean refresh,
                                   Optional<String> dnsServer) {
    public static ProvisioningSettings none() {
        return new ProvisioningSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty());
    }

    /** True when the file came from a provisioning server that can be asked again. */
    public boolean provisioned() {
        return url.isPresent();
    }
}
