package org.cusax.xmpp.reach.element;

import java.util.List;

import javax.xml.namespace.QName;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * {@code <reach xmlns='urn:xmpp:reach:0'><addr uri='sip:…'><desc xml:lang='en'>…</desc></addr></reach>}
 * (XEP-0152 §3): where an entity can be reached by other means than XMPP. Carried in presence and as the
 * item of the PEP node {@value #NODE} (§4).
 */
public final class ReachElement implements ExtensionElement {
    public static final String ELEMENT = "reach";
    public static final String NAMESPACE = "urn:xmpp:reach:0";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);
    /** The PEP node of XEP-0152 §4 (the namespace). */
    public static final String NODE = NAMESPACE;
    public static final int MAX_ADDRESSES = 32;

    private final List<ReachAddress> addresses;

    public ReachElement(List<ReachAddress> addresses) {
        this.addresses = addresses == null ? List.of() : List.copyOf(addresses);
        if (this.addresses.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException("at most " + MAX_ADDRESSES + " reachability addresses");
        }
    }

    public static ReachElement of(String... uris) {
        return new ReachElement(java.util.Arrays.stream(uris).map(ReachAddress::of).toList());
    }

    public List<ReachAddress> addresses() {
        return addresses;
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
        if (addresses.isEmpty()) {
            return xml.closeEmptyElement();
        }
        xml.rightAngleBracket();
        for (ReachAddress a : addresses) {
            xml.halfOpenElement("addr").attribute("uri", a.uri());
            if (a.descriptions().isEmpty()) {
                xml.closeEmptyElement();
                continue;
            }
            xml.rightAngleBracket();
            for (ReachAddress.Description d : a.descriptions()) {
                xml.halfOpenElement("desc").optXmlLangAttribute(d.lang().isEmpty() ? null : d.lang())
                        .rightAngleBracket().escape(d.text()).closeElement("desc");
            }
            xml.closeElement("addr");
        }
        return xml.closeElement(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReachElement r && r.addresses.equals(addresses);
    }

    @Override
    public int hashCode() {
        return addresses.hashCode();
    }

    @Override
    public String toString() {
        return "ReachElement" + addresses;
    }
}
