package org.cusax.core.account;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * TLS policy of one account. Certificates are always verified and the host name always checked:
 * there is deliberately no switch to turn that off.
 *
 * @param trustStore         CA certificates to trust: a PEM file, a PKCS#12 or JKS store; empty = the
 *                           system's trust store
 * @param trustStorePassword password of a PKCS#12/JKS trust store, if it has one
 * @param minimumTlsVersion  lowest protocol accepted, {@code TLSv1.2} or {@code TLSv1.3}
 * @param requireTls         refuse to run the half without TLS (XMPP: STARTTLS required)
 */
public record SecuritySettings(Optional<Path> trustStore, Optional<Secret> trustStorePassword,
                               String minimumTlsVersion, boolean requireTls) {

    public static final List<String> SUPPORTED_TLS_VERSIONS = List.of("TLSv1.2", "TLSv1.3");

    public SecuritySettings {
        trustStore = trustStore == null ? Optional.empty() : trustStore;
        trustStorePassword = trustStorePassword == null ? Optional.empty() : trustStorePassword;
        if (!SUPPORTED_TLS_VERSIONS.contains(minimumTlsVersion)) {
            throw new IllegalArgumentException("minimum TLS version '" + minimumTlsVersion
                    + "' is not one of " + SUPPORTED_TLS_VERSIONS);
        }
    }

    public static SecuritySettings defaults() {
        return new SecuritySettings(Optional.empty(), Optional.empty(), "TLSv1.2", true);
    }

    /** The TLS protocol versions to enable, from the minimum upwards. */
    public List<String> enabledTlsVersions() {
        return SUPPORTED_TLS_VERSIONS.subList(SUPPORTED_TLS_VERSIONS.indexOf(minimumTlsVersion),
                SUPPORTED_TLS_VERSIONS.size());
    }
}
