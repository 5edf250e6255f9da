package org.cusax.xmpp.contacts.cache;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.NormalizedAddress;
import org.cusax.core.contact.RawTel;
import org.cusax.xmpp.contacts.TelKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contacts' tels in memory, backed by a {@link ContactCacheFile} when the account has a cache
 * directory. Changes mark the cache dirty; {@link #save()} writes it. Not thread-safe: one owner thread.
 *
 * <p>With a normalizer ({@link #open(ContactCacheFile, AddressNormalizer)}), the file also keeps what each raw
 * tel normalizes to, so that a warm start shows the cached numbers without parsing them ({@link #forms(List)}).
 * Forms read from a file written under other rules (another default region, other normalization rules, or a
 * format 1 file) are not used: those tels are normalized again, once, and the file is rewritten.
 */
public final class ContactCache {
    private static final Logger LOG = LoggerFactory.getLogger(ContactCache.class);

    private final Optional<ContactCacheFile> file;
    private final Map<String, CachedContact> contacts;
    private final Optional<AddressNormalizer> normalizer;
    /** Raw address → its form under the normalizer's rules (only when there is a normalizer). */
    private final Map<String, NormalizedAddress> forms = new HashMap<>();
    private boolean dirty;
    /** Whether the file was read, or the cache changed since: a later {@link #read()} changes nothing. */
    private boolean settled;

    private ContactCache(Optional<ContactCacheFile> file, Map<String, CachedContact> contacts,
                         Optional<AddressNormalizer> normalizer) {
        this.file = file;
        this.contacts = contacts;
        this.normalizer = normalizer;
    }

    /** A cache read from {@code file} (empty if the file is missing or unreadable); raw tels only. */
    public static ContactCache open(ContactCacheFile file) {
        ContactCache cache = new ContactCache(Optional.of(file), new LinkedHashMap<>(), Optional.empty());
        cache.read();
        return cache;
    }

    /**
     * A cache read from {@code file} that keeps the tels' normalized forms under {@code normalizer}'s rules:
     * the forms the file holds are used when it was written under the same rules, else dropped (the file is
     * then rewritten at the next save).
     */
    public static ContactCache open(ContactCacheFile file, AddressNormalizer normalizer) {
        ContactCache cache = at(file, normalizer);
        cache.read();
        return cache;
    }

    /**
     * A cache kept in {@code file} with the tels' normalized forms (as {@link #open(ContactCacheFile,
     * AddressNormalizer)}), empty until {@link #read()}: its owner thread reads the file, not whoever builds it.
     */
    public static ContactCache at(ContactCacheFile file, AddressNormalizer normalizer) {
        return new ContactCache(Optional.of(file), new LinkedHashMap<>(), Optional.of(normalizer));
    }

    /**
     * Reads the file (on the owner thread); missing or unreadable, it leaves the cache empty. Only the first call
     * reads, and only into a cache nothing was put in: the file never overwrites newer tels.
     */
    public void read() {
        if (settled || file.isEmpty()) {
            return;
        }
        settled = true;
        CacheContents read = file.get().load();
        contacts.putAll(read.contacts());
        if (normalizer.isEmpty()) {
            return;
        }
        if (read.forms().madeUnder(normalizer.get().rules())) {
            forms.putAll(read.forms().byAddress());
        } else if (!read.contacts().isEmpty()) {
            LOG.info("the contact cache {} was written under other normalization rules ({}, now {}): its numbers are"
                    + " normalized again", file.get().file(), read.forms().rules().orElse("none"),
                    normalizer.get().rules());
            dirty = true;
        }
    }

    /** A cache that lives in memory only (no cache directory configured). */
    public static ContactCache inMemory() {
        return new ContactCache(Optional.empty(), new LinkedHashMap<>(), Optional.empty());
    }

    /** The rules the {@link #forms(List)} are made under, when this cache keeps forms. */
    public Optional<String> rules() {
        return normalizer.map(AddressNormalizer::rules);
    }

    /**
     * What each of {@code tels} normalizes to, in order, when every one is known from the file (no parsing);
     * empty otherwise (the caller passes the raw tels and the core normalizes them).
     */
    public Optional<List<NormalizedAddress>> forms(List<RawTel> tels) {
        if (normalizer.isEmpty()) {
            return Optional.empty();
        }
        List<NormalizedAddress> out = new ArrayList<>(tels.size());
        for (RawTel tel : tels) {
            NormalizedAddress form = forms.get(tel.address());
            if (form == null) {
                return Optional.empty();
            }
            out.add(form);
        }
        return Optional.of(out);
    }

    public Optional<CachedContact> get(String jid) {
        return Optional.ofNullable(contacts.get(jid));
    }

    /** The tels last fetched from {@code jid}'s vCard of {@code kind}, if it was fetched. */
    public Optional<List<RawTel>> tels(String jid, TelKind kind) {
        return get(jid).flatMap(c -> c.get(kind)).map(CachedContact.Fetched::tels);
    }

    /** The vCards of {@code jid} not fetched since {@code since}: never fetched, or fetched before it. */
    public EnumSet<TelKind> notFetchedSince(String jid, Instant since) {
        EnumSet<TelKind> kinds = EnumSet.noneOf(TelKind.class);
        Optional<CachedContact> cached = get(jid);
        for (TelKind kind : TelKind.values()) {
            Optional<CachedContact.Fetched> f = cached.flatMap(c -> c.get(kind));
            if (f.isEmpty() || f.get().at().isBefore(since)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    public List<CachedContact> all() {
        return new ArrayList<>(contacts.values());
    }

    public int size() {
        return contacts.size();
    }

    /** Records the tels of one vCard kind as fetched at {@code at}. */
    public void put(String jid, TelKind kind, List<RawTel> tels, Instant at) {
        CachedContact c = contacts.getOrDefault(jid, CachedContact.empty(jid));
        contacts.put(jid, c.with(kind, new CachedContact.Fetched(tels, at)));
        dirty = true;
        settled = true;
    }

    /** Records the photo hash we are in step with. */
    public void photo(String jid, Optional<String> hash) {
        CachedContact c = contacts.getOrDefault(jid, CachedContact.empty(jid));
        if (!c.photo().equals(hash)) {
            contacts.put(jid, c.withPhoto(hash));
            dirty = true;
            settled = true;
        }
    }

    public void remove(String jid) {
        settled = true;
        if (contacts.remove(jid) != null) {
            dirty = true;
        }
    }

    public boolean dirty() {
        return dirty;
    }

    /** The forms of every cached tel (missing ones are normalized now: tels fetched since the file was read). */
    private NormalizedForms currentForms() {
        if (normalizer.isEmpty()) {
            return NormalizedForms.none();
        }
        Map<String, NormalizedAddress> used = new HashMap<>();
        for (CachedContact c : contacts.values()) {
            for (CachedContact.Fetched f : c.fetched().values()) {
                for (RawTel tel : f.tels()) {
                    used.computeIfAbsent(tel.address(),
                            a -> forms.computeIfAbsent(a, normalizer.get()::normalize));
                }
            }
        }
        forms.keySet().retainAll(used.keySet());
        return new NormalizedForms(rules(), used);
    }

    /** Writes the file if something changed; a write failure is logged, and retried at the next save. */
    public void save() {
        if (!dirty || file.isEmpty()) {
            return;
        }
        try {
            file.get().write(contacts.values(), currentForms());
            dirty = false;
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not write the contact cache {}: {}", file.get().file(), e.getMessage());
        }
    }
}
