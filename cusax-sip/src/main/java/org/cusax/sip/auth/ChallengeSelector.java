package org.cusax.sip.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks which challenges to answer (RFC 8760 §2.4). A server may offer one challenge per algorithm
 * for the same realm, most preferred first; the client answers the topmost one it supports "unless a
 * local policy dictates otherwise". Our local policy is the configured preference list
 * ({@code sip.digest.algorithms}): for every realm (and header kind) we answer the challenge whose
 * algorithm comes earliest in that list, the server's order breaking ties. Challenges with an
 * algorithm we do not accept, or that only offer qop=auth-int, are ignored.
 */
public final class ChallengeSelector {
    private final List<String> preference;

    /** @param preference accepted algorithms, most preferred first (RFC 8760 names, upper case) */
    public ChallengeSelector(List<String> preference) {
        if (preference == null || preference.isEmpty()) {
            throw new IllegalArgumentException("at least one digest algorithm must be accepted");
        }
        for (String algorithm : preference) {
            if (!DigestCalculator.supports(algorithm)) {
                throw new IllegalArgumentException("digest algorithm '" + algorithm + "' is not supported");
            }
        }
        this.preference = List.copyOf(preference);
    }

    /**
     * The challenges to answer, one per (header kind, realm), in the order the realms first appeared.
     * Empty when no challenge is acceptable.
     */
    public List<DigestChallenge> select(List<DigestChallenge> offered) {
        Map<String, DigestChallenge> best = new LinkedHashMap<>();
        for (DigestChallenge c : offered) {
            int rank = preference.indexOf(c.algorithm());
            if (rank < 0 || !c.qopUsable()) {
                continue;
            }
            String key = (c.proxy() ? "proxy:" : "www:") + c.realm();
            DigestChallenge current = best.get(key);
            if (current == null || rank < preference.indexOf(current.algorithm())) {
                best.put(key, c);
            }
        }
        return new ArrayList<>(best.values());
    }

    /** The single best challenge, when only one realm matters. */
    public Optional<DigestChallenge> best(List<DigestChallenge> offered) {
        return select(offered).stream().findFirst();
    }

    public List<String> preference() {
        return preference;
    }
}
