package org.cusax.core.provisioning;

import java.net.URI;
import java.util.Optional;

import org.cusax.core.account.Secret;

/**
 * The port to a provisioning server (wire contract v1, docs/provisioning.md): a form POST of the user
 * id and password over HTTPS, answered by a document or "not modified". Implemented by the app.
 */
public interface ProvisioningFetcher {
    /**
     * @param url      the provisioning URL (must be https)
     * @param user     the user id
     * @param password the password (sent in the request body only)
     * @param version  the version already held, if any
     * @return the new document, or empty when the server says the held version is current (304)
     */
    Optional<FetchedDocument> fetch(URI url, String user, Secret password, Optional<String> version)
            throws ProvisioningException;

    /**
     * A document as served.
     *
     * @param url  where it came from
     * @param text the body (a cusax.conf)
     */
    record FetchedDocument(URI url, String text) {
    }
}
