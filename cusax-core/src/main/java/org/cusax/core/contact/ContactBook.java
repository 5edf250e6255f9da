package org.cusax.core.contact;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The contact list of one XMPP account: the roster is the list; presence and the four tel sources are
 * attached to its entries as they arrive, and the {@link TelIndex} follows every change. Updates for a
 * JID that is not in the roster are ignored (the roster, not a vCard or a presence, decides who is a
 * contact). Thread-safe: updates are serialized; reads never block on each other.
 */
public final class ContactBook implements ContactDirectory {
    private final AddressNormalizer normalizer;
    private final TelIndex index;
    private final Map<String, Contact> contacts = new ConcurrentHashMap<>();
    private final Map<String, ContactTels> telsByJid = new HashMap<>();

    public ContactBook(AddressNormalizer normalizer) {
        this.index = new TelIndex(normalizer);
        this.normalizer = normalizer;
    }

    /** Adds a roster entry, or renames it keeping its presence, addresses and groups. */
    public synchronized Contact putRosterEntry(String jid, String name) {
        String bare = Jids.requireBare(jid);
        return putRosterEntry(bare, name, Optional.ofNullable(contacts.get(bare)).map(Contact::groups).orElse(List.of()));
    }

    /** Adds a roster entry, or renames and regroups it keeping its presence and addresses. */
    public synchronized Contact putRosterEntry(String jid, String name, List<String> groups) {
        String bare = Jids.requireBare(jid);
        Contact next = Optional.ofNullable(contacts.get(bare)).map(c -> c.withName(name).withGroups(groups))
                .orElseGet(() -> Contact.of(bare, name).withGroups(groups));
        contacts.put(bare, next);
        telsByJid.putIfAbsent(bare, ContactTels.empty());
        return next;
    }

    /** Removes a roster entry with everything known about it. */
    public synchronized void removeRosterEntry(String jid) {
        String bare = Jids.requireBare(jid);
        contacts.remove(bare);
        telsByJid.remove(bare);
        index.remove(bare);
    }

    /** Records the hash of a contact's picture ("" for none); false if the JID is not in the roster or nothing changed. */
    public synchronized boolean setAvatarHash(String jid, String hash) {
        String bare = Jids.requireBare(jid);
        Contact current = contacts.get(bare);
        String h = hash == null ? "" : hash;
        if (current == null || current.avatarHash().equals(h)) {
            return false;
        }
        contacts.put(bare, current.withAvatarHash(h));
        return true;
    }

    /** Records a contact's presence; false if the JID is not in the roster. */
    public synchronized boolean setPresence(String jid, Presence presence) {
        return update(jid, c -> c.withPresence(presence));
    }

    /**
     * Replaces the addresses one source gives for a contact (an empty list clears that source, e.g. a
     * presence without reachability element); false if the JID is not in the roster.
     */
    public synchronized boolean setTels(String jid, TelSource source, List<RawTel> raw) {
        String bare = Jids.requireBare(jid);
        ContactTels current = telsByJid.get(bare);
        if (current == null) {
            return false;
        }
        List<TelAddress> tels = raw.stream().map(r -> normalizer.tel(r.address(), r.types(), source)).toList();
        return setNormalized(bare, current, source, tels);
    }

    /**
     * The same, with what a normalizer made of each address earlier (the contact cache keeps it): used without
     * parsing again when it was made under this book's {@link AddressNormalizer#rules()} and matches the
     * tels one for one; otherwise the tels are normalized as by {@link #setTels(String, TelSource, List)}.
     *
     * @param rules the {@link AddressNormalizer#rules()} the forms were made under
     * @param forms what each of {@code raw} normalized to, in the same order
     */
    public synchronized boolean setTels(String jid, TelSource source, List<RawTel> raw, String rules,
                                        List<NormalizedAddress> forms) {
        if (!normalizer.rules().equals(rules) || forms == null || forms.size() != raw.size()) {
            return setTels(jid, source, raw);
        }
        String bare = Jids.requireBare(jid);
        ContactTels current = telsByJid.get(bare);
        if (current == null) {
            return false;
        }
        List<TelAddress> tels = new java.util.ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            RawTel r = raw.get(i);
            normalizer.remember(r.address(), forms.get(i)); // the index and later look-ups find it without parsing
            tels.add(TelAddress.of(r.address(), TelType.parseAll(r.types()), source, forms.get(i)));
        }
        return setNormalized(bare, current, source, tels);
    }

    private boolean setNormalized(String bare, ContactTels current, TelSource source, List<TelAddress> tels) {
        ContactTels next = current.with(source, tels);
        telsByJid.put(bare, next);
        Contact contact = contacts.get(bare).withTels(next.merged());
        contacts.put(bare, contact);
        index.put(contact);
        return true;
    }

    @Override
    public Optional<Contact> contact(String jid) {
        return Jids.bare(jid).map(contacts::get);
    }

    /** Every contact, by JID. */
    public List<Contact> contacts() {
        return contacts.values().stream().sorted(Comparator.comparing(Contact::jid)).toList();
    }

    @Override
    public Set<String> owners(String address) {
        return index.owners(address);
    }

    /** The contacts owning the address, by JID. */
    public List<Contact> ownerContacts(String address) {
        return owners(address).stream().map(contacts::get).filter(c -> c != null).toList();
    }

    @Override
    public AddressNormalizer normalizer() {
        return normalizer;
    }

    private boolean update(String jid, UnaryOperator<Contact> change) {
        String bare = Jids.requireBare(jid);
        Contact current = contacts.get(bare);
        if (current == null) {
            return false;
        }
        contacts.put(bare, change.apply(current));
        return true;
    }
}
