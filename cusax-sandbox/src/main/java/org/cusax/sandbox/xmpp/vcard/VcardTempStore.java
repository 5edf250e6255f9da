package org.cusax.sandbox.xmpp.vcard;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.vysper.xml.fragment.Attribute;
import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xml.fragment.XMLFragment;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;
import org.cusax.provisioning.directory.PhoneNumber;
import org.cusax.sandbox.xmpp.tel.DirectoryTels;

/**
 * The vcard-temp vCards (XEP-0054) of the sandbox's accounts, in memory, kept as XML elements. The TEL
 * fields of an account can belong to the user directory (RFC 7081 §3.1–3.2): every read then carries
 * the directory's numbers of that moment as its TELs (also without a stored vCard), and the user's own
 * update keeps every field but TEL.
 */
public final class VcardTempStore {
    private final Map<String, XMLElement> cards = new ConcurrentHashMap<>();
    private final Map<String, Supplier<List<PhoneNumber>>> directoryTels = new ConcurrentHashMap<>();

    /** Stores {@code vcard}, which must be a {@code <vCard xmlns='vcard-temp'/>} element, for {@code owner}. */
    public void put(Entity owner, XMLElement vcard) {
        if (!"vCard".equals(vcard.getName()) || !NamespaceURIs.VCARD_TEMP.equals(vcard.getNamespaceURI())) {
            throw new IllegalArgumentException("not a vcard-temp <vCard/> element: {" + vcard.getNamespaceURI() + "}"
                    + vcard.getName());
        }
        cards.put(key(owner), vcard);
    }

    /**
     * From now on the TEL fields of {@code owner} are the directory's: {@code numbers} is asked at every
     * read, so a change in the directory shows at the next one; the user cannot change them.
     */
    public void useDirectoryTels(Entity owner, Supplier<List<PhoneNumber>> numbers) {
        directoryTels.put(key(owner), numbers);
    }

    /**
     * Stores the vCard {@code owner} sent (XEP-0054 §3.2). If its TELs are the directory's, the vCard is
     * stored without its own TELs (reads carry the directory's: the change is restored, not refused, so
     * a client that saves its whole vCard after editing the nickname still succeeds).
     */
    public void putFromOwner(Entity owner, XMLElement vcard) {
        if (!directoryTels.containsKey(key(owner))) {
            put(owner, vcard);
            return;
        }
        put(owner, DirectoryTels.withTels(vcard, DirectoryTels::isVcardTempTel, List.of()));
    }

    /** The vCard of {@code owner}; for a directory user with the directory's numbers as its TELs. */
    public Optional<XMLElement> get(Entity owner) {
        XMLElement stored = cards.get(key(owner));
        Supplier<List<PhoneNumber>> numbers = directoryTels.get(key(owner));
        if (numbers == null) {
            return Optional.ofNullable(stored);
        }
        XMLElement card = stored != null ? stored : new XMLElement(NamespaceURIs.VCARD_TEMP, "vCard", null,
                List.<Attribute>of(), List.<XMLFragment>of());
        return Optional.of(DirectoryTels.withTels(card, DirectoryTels::isVcardTempTel,
                DirectoryTels.vcardTemp(numbers.get())));
    }

    private static String key(Entity jid) {
        return jid.getBareJID().getFullQualifiedName().toLowerCase(Locale.ROOT);
    }
}
