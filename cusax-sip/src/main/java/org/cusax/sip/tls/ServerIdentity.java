package org.cusax.sip.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The SIP domain identities a server certificate carries and whether one is ours (RFC 5922 §7.1, §7.2):
 * subjectAltName URIs with the {@code sip} scheme and no user part, and subjectAltName dNSNames; the
 * subject CN only when the certificate has no subjectAltName at all. Comparison is exact and
 * case-insensitive; wildcards are not accepted (RFC 5922 §7.2).
 */
public final class ServerIdentity {
    private static final int SAN_DNS = 2;
    private static final int SAN_URI = 6;

    private ServerIdentity() {
    }

    /** The identities found, in certificate order (lower case). */
    public static List<String> identities(X509Certificate cert) {
        List<String> ids = new ArrayList<>();
        Collection<List<?>> sans;
        try {
            sans = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return ids;
        }
        if (sans == null) {
            commonName(cert).ifPresent(ids::add);
            return ids;
        }
        for (List<?> san : sans) {
            if (san.size() < 2 || !(san.get(0) instanceof Integer type) || !(san.get(1) instanceof String value)) {
                continue;
            }
            if (type == SAN_DNS) {
                ids.add(value.toLowerCase(Locale.ROOT));
            } else if (type == SAN_URI) {
                sipUriHost(value).ifPresent(ids::add);
            }
        }
        return ids;
    }

    /** Whether the certificate is valid for the SIP domain. */
    public static boolean matches(X509Certificate cert, String domain) {
        String wanted = domain.toLowerCase(Locale.ROOT);
        return identities(cert).stream().anyMatch(id -> !id.contains("*") && id.equals(wanted));
    }

    private static Optional<String> sipUriHost(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("sip:") || lower.indexOf('@') >= 0) {
            return Optional.empty();
        }
        String host = lower.substring(4);
        int cut = host.indexOf(';');
        host = cut >= 0 ? host.substring(0, cut) : host;
        return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }

    private static Optional<String> commonName(X509Certificate cert) {
        try {
            LdapName name = new LdapName(cert.getSubjectX500Principal().getName());
            for (Rdn rdn : name.getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return Optional.of(rdn.getValue().toString().toLowerCase(Locale.ROOT));
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
