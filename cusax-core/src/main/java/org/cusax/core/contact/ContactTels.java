package org.cusax.core.contact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The telephony addresses of one contact, kept per source, merged for display. Immutable.
 * <ul>
 *   <li>Each source's list is replaced as a whole when that source reports again (a new vCard replaces
 *       the old one; a new presence replaces its reachability addresses).</li>
 *   <li>Within one source, addresses with the same normalized form are one entry: the first as given,
 *       with the union of the types ({@code 06 12 34 56 78} CELL and {@code +33612345678} VOICE are one
 *       Mobile number). Unparseable addresses are de-duplicated on the text as given.</li>
 *   <li>The same address from different sources stays as separate entries, each with its own source,
 *       so the roster can say where every number came from; {@link TelPreference#order} collapses them
 *       when the user picks a number.</li>
 * </ul>
 *
 * @param bySource addresses per source; sources with no address are absent
 */
public record ContactTels(Map<TelSource, List<TelAddress>> bySource) {
    private static final ContactTels EMPTY = new ContactTels(Map.of());

    public ContactTels {
        if (bySource == null) {
            throw new IllegalArgumentException("addresses per source are missing");
        }
        EnumMap<TelSource, List<TelAddress>> copy = new EnumMap<>(TelSource.class);
        bySource.forEach((source, tels) -> {
            if (tels.stream().anyMatch(t -> t.source() != source)) {
                throw new IllegalArgumentException("an address listed under " + source.token() + " comes from elsewhere");
            }
            if (!tels.isEmpty()) {
                copy.put(source, List.copyOf(tels));
            }
        });
        bySource = Collections.unmodifiableMap(copy);
    }

    public static ContactTels empty() {
        return EMPTY;
    }

    /** These addresses with {@code source}'s list replaced by {@code tels} (de-duplicated). */
    public ContactTels with(TelSource source, List<TelAddress> tels) {
        Map<String, TelAddress> unique = new LinkedHashMap<>();
        for (TelAddress tel : tels) {
            if (tel.source() != source) {
                throw new IllegalArgumentException("'" + tel.uri() + "' comes from " + tel.source().token()
                        + ", not " + source.token());
            }
            unique.merge(identity(tel), tel, (first, again) -> first.withMoreTypes(again.types()));
        }
        EnumMap<TelSource, List<TelAddress>> next = new EnumMap<>(TelSource.class);
        next.putAll(bySource);
        next.put(source, new ArrayList<>(unique.values()));
        return new ContactTels(next);
    }

    /** These addresses without any from {@code source}. */
    public ContactTels without(TelSource source) {
        return with(source, List.of());
    }

    /** Every address, the sources in {@link TelSource} order, each source's in the order received. */
    public List<TelAddress> merged() {
        List<TelAddress> all = new ArrayList<>();
        bySource.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    public boolean isEmpty() {
        return bySource.isEmpty();
    }

    /**
     * What makes two addresses one: the normalized form, or the text as given for an unparseable one (the
     * same key de-duplicates within a source here and across sources in a one-line listing).
     */
    public static String identity(TelAddress tel) {
        return tel.normalized().orElse(" as given: " + tel.uri().strip());
    }
}
