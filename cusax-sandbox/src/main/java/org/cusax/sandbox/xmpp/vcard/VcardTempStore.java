package org.cusax.sandbox.xmpp.vcard;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.vysper.xml.fragment.XMLElement;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.protocol.NamespaceURIs;

/** The vcard-temp vCards (XEP-0054) of the sandbox's accounts, in memory, kept as XML elements. */
public final class VcardTempStore {
    private final Map<String, XMLElement> cards = new ConcurrentHashMap<>();

    /** Stores {@code vcard}, which must be a {@code <vCard xmlns='vcard-temp'/>} element, for {@code owner}. */
    public void put(Entity owner, XMLElement vcard) {
        if (!"vCard".equals(vcard.getName()) || !NamespaceURIs.VCARD_TEMP.equals(vcard.getNamespaceURI())) {
            throw new IllegalArgumentException("not a vcard-temp <vCard/> element: {" + vcard.getNamespaceURI() + "}"
                    + vcard.getName());
        }
        cards.put(key(owner), vcard);
    }

    public Optional<XMLElement> get(Entity owner) {
        return Optional.ofNullable(cards.get(key(owner)));
    }

    private static String key(Entity jid) {
        return jid.getBareJID().getFullQualifiedName().toLowerCase(Locale.ROOT);
    }
}
