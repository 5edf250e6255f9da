package org.cusax.sandbox.xmpp.vcard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xml.fragment.XMLFragment;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;

/**
 * The vcard-temp vCards (XEP-0054) of the sandbox's accounts, in memory, kept as XML elements. The TEL
 * fields of an account can belong to the operator (the user directory, RFC 7081 §3.1–3.2): the user's
 * own update then keeps every field but TEL, whose stored values stay.
 */
public final class VcardTempStore {
    private static final String TEL = "TEL";
    private final Map<String, XMLElement> cards = new ConcurrentHashMap<>();
    private final Set<String> operatorTels = ConcurrentHashMap.newKeySet();

    /** Stores {@code vcard}, which must be a {@code <vCard xmlns='vcard-temp'/>} element, for {@code owner}. */
    public void put(Entity owner, XMLElement vcard) {
        if (!"vCard".equals(vcard.getName()) || !NamespaceURIs.VCARD_TEMP.equals(vcard.getNamespaceURI())) {
            throw new IllegalArgumentException("not a vcard-temp <vCard/> element: {" + vcard.getNamespaceURI() + "}"
                    + vcard.getName());
        }
        cards.put(key(owner), vcard);
    }

    /** From now on the TEL fields of {@code owner} are the operator's ({@link #put}); the user cannot change them. */
    public void lockTels(Entity owner) {
        operatorTels.add(key(owner));
    }

    /**
     * Stores the vCard {@code owner} sent (XEP-0054 §3.2). If its TELs are the operator's, the vCard is
     * stored with the TELs of the stored one instead of its own (the change is restored, not refused, so
     * a client that saves its whole vCard after editing the nickname still succeeds).
     */
    public synchronized void putFromOwner(Entity owner, XMLElement vcard) {
        if (!operatorTels.contains(key(owner))) {
            put(owner, vcard);
            return;
        }
        List<XMLFragment> children = new ArrayList<>();
        for (XMLFragment f : vcard.getInnerFragments()) {
            if (!(f instanceof XMLElement e && isTel(e))) {
                children.add(f);
            }
        }
        get(owner).ifPresent(stored -> stored.getInnerElements().stream().filter(VcardTempStore::isTel)
                .forEach(children::add));
        put(owner, new XMLElement(vcard.getNamespaceURI(), vcard.getName(), vcard.getNamespacePrefix(),
                vcard.getAttributes(), children));
    }

    private static boolean isTel(XMLElement e) {
        return TEL.equals(e.getName()) && NamespaceURIs.VCARD_TEMP.equals(e.getNamespaceURI());
    }

    public Optional<XMLElement> get(Entity owner) {
        return Optional.ofNullable(cards.get(key(owner)));
    }

    private static String key(Entity jid) {
        return jid.getBareJID().getFullQualifiedName().toLowerCase(Locale.ROOT);
    }
}
