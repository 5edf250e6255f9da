package org.cusax.xmpp.contacts.cache;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.cusax.core.contact.AddressKind;
import org.cusax.core.contact.IndexKeys;
import org.cusax.core.contact.NormalizedAddress;

/**
 * Reads the normalized form stored with one cached {@code <tel>} ({@code as}, {@code normalized}, {@code key}s).
 * A form that does not hold together (unknown kind, keys that are not {@code tel:}/{@code sip:} URIs, a
 * parseable address without keys) makes the file unreadable: it is then ignored as a whole.
 */
final class FormReader {
    private final AddressKind kind;
    private final Optional<String> normalized;
    private final Set<String> keys = new LinkedHashSet<>();

    private FormReader(AddressKind kind, Optional<String> normalized) {
        this.kind = kind;
        this.normalized = normalized;
    }

    /** The form starting at a {@code <tel>} element, or null when it carries none (format 1). */
    static FormReader start(XMLStreamReader r) throws XMLStreamException {
        String as = r.getAttributeValue(null, "as");
        if (as == null) {
            return null;
        }
        for (AddressKind k : AddressKind.values()) {
            if (k.token().equals(as)) {
                return new FormReader(k, Optional.ofNullable(r.getAttributeValue(null, "normalized")));
            }
        }
        throw new XMLStreamException("unknown address kind " + as);
    }

    static void key(FormReader form, String key) throws XMLStreamException {
        if (form == null) {
            throw new XMLStreamException("a key outside a normalized tel");
        }
        String k = key.strip();
        if (!k.startsWith("tel:") && !k.startsWith("sip:")) {
            throw new XMLStreamException("an index key is a tel: or sip: URI");
        }
        form.keys.add(k);
    }

    NormalizedAddress build() throws XMLStreamException {
        try {
            return new NormalizedAddress(kind, normalized, new IndexKeys(keys));
        } catch (IllegalArgumentException e) {
            throw new XMLStreamException("inconsistent normalized tel: " + e.getMessage());
        }
    }
}
