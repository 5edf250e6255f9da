package org.cusax.core.discovery;

import java.net.URI;
import java.util.Optional;

/**
 * Reads {@code https://DOMAIN/.well-known/cusax-provisioning}: one line naming the provisioning URL.
 * No credentials are sent there.
 */
@FunctionalInterface
public interface WellKnownUrl {
    /**
     * @return the provisioning URL the domain names, or empty when it names none (404)
     * @throws java.io.IOException when it cannot be read (unreachable, certificate refused, bad answer);
     *                             the message says why
     */
    Optional<URI> provisioningUrl(String domain) throws java.io.IOException;
}
