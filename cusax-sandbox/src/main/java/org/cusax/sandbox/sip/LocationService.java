package org.cusax.sandbox.sip;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sip.address.SipURI;

/**
 * The registrar's bindings per address-of-record ({@code user@domain}), with expiry (RFC 3261
 * §10.3): a binding lapses at its expiry time and is then neither returned nor kept.
 */
public final class LocationService {
    private final Clock clock;
    private final Map<String, Map<String, Binding>> byAor = new LinkedHashMap<>();

    public LocationService(Clock clock) {
        this.clock = clock;
    }

    /** The key of an address-of-record: user part as given (case-sensitive), host lower-cased. */
    static String aor(String user, String host) {
        return user + "@" + host.toLowerCase(java.util.Locale.ROOT);
    }

    /** Adds or refreshes a binding; an older CSeq of the same Call-ID is ignored (§10.3 step 7). */
    public synchronized void put(String aor, Binding binding) {
        Map<String, Binding> bindings = byAor.computeIfAbsent(aor, k -> new LinkedHashMap<>());
        String key = binding.contact().toString();
        Binding old = bindings.get(key);
        if (old != null && old.callId().equals(binding.callId()) && old.cseq() > binding.cseq()) {
            return;
        }
        bindings.remove(key);
        bindings.put(key, binding);
    }

    /** Removes one binding (Expires: 0). */
    public synchronized void remove(String aor, SipURI contact) {
        Map<String, Binding> bindings = byAor.get(aor);
        if (bindings != null) {
            bindings.remove(contact.toString());
            if (bindings.isEmpty()) {
                byAor.remove(aor);
            }
        }
    }

    /** Removes every binding of {@code aor} ({@code Contact: *}, Expires: 0). */
    public synchronized void removeAll(String aor) {
        byAor.remove(aor);
    }

    /** The live bindings of {@code aor}, most recently registered last. */
    public synchronized List<Binding> lookup(String aor) {
        Map<String, Binding> bindings = byAor.get(aor);
        if (bindings == null) {
            return List.of();
        }
        Instant now = clock.instant();
        bindings.values().removeIf(b -> !b.expiresAt().isAfter(now));
        if (bindings.isEmpty()) {
            byAor.remove(aor);
            return List.of();
        }
        return new ArrayList<>(bindings.values());
    }

    /** The binding a request for {@code aor} goes to: no forking, the most recently registered one. */
    public Optional<Binding> target(String aor) {
        List<Binding> live = lookup(aor);
        return live.isEmpty() ? Optional.empty() : Optional.of(live.get(live.size() - 1));
    }

    /** Whether {@code uri} is a live registered contact of anyone (an in-dialog target). */
    public synchronized boolean isContact(SipURI uri) {
        Instant now = clock.instant();
        String key = uri.toString();
        return byAor.values().stream().anyMatch(m -> {
            Binding b = m.get(key);
            return b != null && b.expiresAt().isAfter(now);
        });
    }

    /** Seconds left of a binding, at least 0. */
    int secondsLeft(Binding b) {
        long s = b.expiresAt().getEpochSecond() - clock.instant().getEpochSecond();
        return (int) Math.max(0, s);
    }

    /** Every live address-of-record with its bindings, for diagnostics. */
    public synchronized Map<String, List<Binding>> snapshot() {
        Map<String, List<Binding>> out = new LinkedHashMap<>();
        for (String aor : new ArrayList<>(byAor.keySet())) {
            List<Binding> live = new ArrayList<>(lookup(aor));
            live.sort(Comparator.comparing(Binding::expiresAt));
            if (!live.isEmpty()) {
                out.put(aor, live);
            }
        }
        return out;
    }
}
