package org.cusax.sandbox.xmpp.pep;

import java.util.Objects;

import org.apache.vysper.xml.fragment.XMLElement;

/**
 * The last item published to one PEP node (XEP-0163 keeps one item per node by default).
 *
 * @param id      the item id (XEP-0060 §7.1)
 * @param payload the item's single payload element
 */
public record PepItem(String id, XMLElement payload) {
    public PepItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(payload, "payload");
    }
}
