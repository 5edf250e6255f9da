package org.cusax.xmpp.contacts.cache;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cusax.core.contact.RawTel;
import org.cusax.xmpp.contacts.TelKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contacts' tels in memory, backed by a {@link ContactCacheFile} when the account has a cache
 * directory. Changes mark the cache dirty; {@link #save()} writes it. Not thread-safe: one owner thread.
 */
public final class ContactCache {
    private static final Logger LOG = LoggerFactory.getLogger(ContactCache.class);

    private final Optional<ContactCacheFile> file;
    private final Map<String, CachedContact> contacts;
    private boolean dirty;

    private ContactCache(Optional<ContactCacheFile> file, Map<String, CachedContact> contacts) {
        this.file = file;
        this.contacts = contacts;
    }

    /** A cache read from {@code file} (empty if the file is missing or unreadable). */
    public static ContactCache open(ContactCacheFile file) {
        return new ContactCache(Optional.of(file), new LinkedHashMap<>(file.read()));
    }

    /** A cache that lives in memory only (no cache directory configured). */
    public static ContactCache inMemory() {
        return new ContactCache(Optional.empty(), new LinkedHashMap<>());
    }

    public Optional<CachedContact> get(String jid) {
        return Optional.ofNullable(contacts.get(jid));
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
    }

    /** Records the photo hash we are in step with. */
    public void photo(String jid, Optional<String> hash) {
        CachedContact c = contacts.getOrDefault(jid, CachedContact.empty(jid));
        if (!c.photo().equals(hash)) {
            contacts.put(jid, c.withPhoto(hash));
            dirty = true;
        }
    }

    public void remove(String jid) {
        if (contacts.remove(jid) != null) {
            dirty = true;
        }
    }

    public boolean dirty() {
        return dirty;
    }

    /** Writes the file if something changed; a write failure is logged, and retried at the next save. */
    public void save() {
        if (!dirty || file.isEmpty()) {
            return;
        }
        try {
            file.get().write(contacts.values());
            dirty = false;
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not write the contact cache {}: {}", file.get().file(), e.getMessage());
        }
    }
}
