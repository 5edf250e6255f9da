package org.cusax.core.contact;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Which contacts own an address, in O(1): a hash map from index key ({@link IndexKeys}) to bare JIDs,
 * updated one contact at a time. Every address of a contact is indexed, callable or not (a fax number
 * still identifies its owner). Thread-safe: an update is applied as a whole before any later lookup.
 */
public final class TelIndex {
    private final AddressNormalizer normalizer;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Set<String>> ownersByKey = new HashMap<>();
    private final Map<String, Set<String>> keysByJid = new HashMap<>();

    /** @param normalizer the same normalizer that built the contacts' addresses */
    public TelIndex(AddressNormalizer normalizer) {
        if (normalizer == null) {
            throw new IllegalArgumentException("the address normalizer is missing");
        }
        this.normalizer = normalizer;
    }

    /** Indexes the contact's current addresses, replacing whatever was indexed for its JID. */
    public void put(Contact contact) {
        Set<String> keys = new HashSet<>();
        contact.tels().forEach(tel -> keys.addAll(normalizer.keysFor(tel.uri()).keys()));
        lock.writeLock().lock();
        try {
            unindex(contact.jid());
            if (!keys.isEmpty()) {
                keysByJid.put(contact.jid(), keys);
                keys.forEach(k -> ownersByKey.computeIfAbsent(k, x -> new HashSet<>()).add(contact.jid()));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Forgets the contact. */
    public void remove(String jid) {
        String bare = Jids.requireBare(jid);
        lock.writeLock().lock();
        try {
            unindex(bare);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The JIDs of the contacts owning the address (any form: number, tel:, sip:); sorted; empty if none. */
    public Set<String> owners(String address) {
        return ownersOfKeys(normalizer.keysFor(address));
    }

    /** The JIDs of the contacts owning any of these keys; sorted. */
    public Set<String> ownersOfKeys(IndexKeys keys) {
        Set<String> owners = new TreeSet<>();
        lock.readLock().lock();
        try {
            keys.keys().forEach(k -> owners.addAll(ownersByKey.getOrDefault(k, Set.of())));
        } finally {
            lock.readLock().unlock();
        }
        return Collections.unmodifiableSet(owners);
    }

    /** Number of distinct keys indexed (for diagnostics). */
    public int keyCount() {
        lock.readLock().lock();
        try {
            return ownersByKey.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void unindex(String jid) {
        Set<String> old = keysByJid.remove(jid);
        if (old == null) {
            return;
        }
        for (String k : old) {
            Set<String> owners = ownersByKey.get(k);
            owners.remove(jid);
            if (owners.isEmpty()) {
                ownersByKey.remove(k);
            }
        }
    }
}
