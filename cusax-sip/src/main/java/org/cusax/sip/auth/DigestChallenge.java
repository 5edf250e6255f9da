package org.cusax.sip.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.WWWAuthenticateHeader;

/**
 * One digest challenge from a 401 (WWW-Authenticate) or 407 (Proxy-Authenticate) response.
 *
 * @param proxy     true for Proxy-Authenticate (answer with Proxy-Authorization)
 * @param realm     protection space
 * @param nonce     server nonce
 * @param opaque    echoed back unchanged, if present
 * @param algorithm RFC 8760 name in upper case; {@code MD5} when the challenge names none (RFC 7616 §3.3)
 * @param qopOptions qop values offered, lower case; empty for an RFC 2069 style challenge
 * @param stale     the previous nonce was merely too old: retry without asking the user
 */
public record DigestChallenge(boolean proxy, String realm, String nonce, Optional<String> opaque,
                              String algorithm, List<String> qopOptions, boolean stale) {

    public DigestChallenge {
        if (realm == null || nonce == null || nonce.isEmpty()) {
            throw new IllegalArgumentException("a digest challenge needs a realm and a nonce");
        }
        opaque = opaque == null ? Optional.empty() : opaque;
        algorithm = algorithm == null || algorithm.isBlank() ? "MD5" : algorithm.trim().toUpperCase(Locale.ROOT);
        qopOptions = List.copyOf(qopOptions);
    }

    /** Reads a WWW-Authenticate or Proxy-Authenticate header; empty when it is not a usable digest challenge. */
    public static Optional<DigestChallenge> from(WWWAuthenticateHeader header) {
        if (header == null || !"Digest".equalsIgnoreCase(header.getScheme())
                || header.getNonce() == null || header.getRealm() == null) {
            return Optional.empty();
        }
        List<String> qop = header.getQop() == null ? List.of()
                : Arrays.stream(header.getQop().split(","))
                        .map(q -> q.trim().toLowerCase(Locale.ROOT)).filter(q -> !q.isEmpty()).toList();
        return Optional.of(new DigestChallenge(header instanceof ProxyAuthenticateHeader, header.getRealm(),
                header.getNonce(), Optional.ofNullable(header.getOpaque()), header.getAlgorithm(), qop,
                header.isStale()));
    }

    /** Whether we can answer it at all: qop absent or offering {@code auth} (we do not do auth-int). */
    public boolean qopUsable() {
        return qopOptions.isEmpty() || qopOptions.contains("auth");
    }

    @Override
    public String toString() {
        return (proxy ? "Proxy-Authenticate" : "WWW-Authenticate") + " realm=\"" + realm + "\" algorithm="
                + algorithm + (stale ? " stale" : "");
    }
}
