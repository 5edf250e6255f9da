package org.cusax.testbed.pki;

import java.nio.file.Path;
import java.util.List;

/**
 * A certificate and its private key as PEM files.
 *
 * @param certificate      PEM certificate (leaf only; clients trust the CA directly)
 * @param privateKey       PEM private key, readable by the owner only
 * @param subjectAltNames  the SAN entries, e.g. {@code DNS:cusax.test}, {@code IP:127.0.0.1}
 */
public record CertificateFiles(Path certificate, Path privateKey, List<String> subjectAltNames) {

    public CertificateFiles {
        subjectAltNames = List.copyOf(subjectAltNames);
    }
}
