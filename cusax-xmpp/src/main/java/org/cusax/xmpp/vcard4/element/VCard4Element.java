package org.cusax.xmpp.vcard4.element;

import java.util.List;

import javax.xml.namespace.QName;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * {@code <vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'>} as published in the PEP node
 * {@value #NODE} (XEP-0292 §3): the telephony view of it, every {@code tel} (at most {@link #MAX_TELS}).
 * Serializes as an xCard holding only those {@code tel} properties.
 */
public final class VCard4Element implements ExtensionElement {
    public static final String ELEMENT = "vcard";
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:vcard-4.0";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);
    /** The PEP node of XEP-0292 §3. */
    public static final String NODE = "urn:xmpp:vcard4";
    public static final int MAX_TELS = 64;

    private final List<VCard4Tel> tels;
    private final boolean malformed;

    public VCard4Element(List<VCard4Tel> tels) {
        this(tels, false);
    }

    private VCard4Element(List<VCard4Tel> tels, boolean malformed) {
        this.tels = tels == null ? List.of() : List.copyOf(tels);
        if (this.tels.size() > MAX_TELS) {
            throw new IllegalArgumentException("a vCard4 is limited to " + MAX_TELS + " tels");
        }
        this.malformed = malformed;
    }

    /** What a parser returns for an xCard it could not read: no tels, flagged malformed. */
    public static VCard4Element unreadable() {
        return new VCard4Element(List.of(), true);
    }

    public List<VCard4Tel> tels() {
        return tels;
    }

    public boolean malformed() {
        return malformed;
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosing);
        if (tels.isEmpty()) {
            return xml.closeEmptyElement();
        }
        xml.rightAngleBracket();
        for (VCard4Tel tel : tels) {
            xml.openElement("tel");
            List<String> types = tel.types().stream().filter(t -> !t.equals("pref")).toList();
            boolean pref = tel.types().contains("pref");
            if (!types.isEmpty() || pref) {
                xml.openElement("parameters");
                if (!types.isEmpty()) {
                    xml.openElement("type");
                    types.forEach(t -> xml.element("text", t));
                    xml.closeElement("type");
                }
                if (pref) {
                    xml.openElement("pref").element("integer", "1").closeElement("pref");
                }
                xml.closeElement("parameters");
            }
            xml.element(tel.isUri() ? "uri" : "text", tel.value());
            xml.closeElement("tel");
        }
        return xml.closeElement(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VCard4Element v && v.tels.equals(tels) && v.malformed == malformed;
    }

    @Override
    public int hashCode() {
        return tels.hashCode();
    }

    @Override
    public String toString() {
        return "VCard4Element" + tels;
    }
}
