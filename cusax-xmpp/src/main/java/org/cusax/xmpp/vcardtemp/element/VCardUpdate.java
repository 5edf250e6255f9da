package org.cusax.xmpp.vcardtemp.element;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.xml.namespace.QName;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * {@code <x xmlns='vcard-temp:x:update'><photo>sha1</photo></x>} in presence (XEP-0153 §3.2): the hash of
 * the contact's current vCard photo. The only vcard-temp change signal XMPP has; it changes only when the
 * photo does (see {@code ContactSync}).
 */
public final class VCardUpdate implements ExtensionElement {
    public static final String ELEMENT = "x";
    public static final String NAMESPACE = "vcard-temp:x:update";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{0,128}");

    private final Optional<String> photo;

    /**
     * @param photo the photo hash (lower-case hex), "" for "no photo" ({@code <photo/>}), or empty when the
     *              client is not ready to advertise one (no {@code <photo>} child, XEP-0153 §4.1)
     */
    public VCardUpdate(Optional<String> photo) {
        this.photo = photo == null ? Optional.empty() : photo.map(VCardUpdate::checkHash);
    }

    /** Validates and lower-cases a photo hash ("" allowed). */
    static String checkHash(String hash) {
        String h = hash.strip().toLowerCase(Locale.ROOT);
        if (!HASH.matcher(h).matches()) {
            throw new IllegalArgumentException("a photo hash is hex, at most 128 digits");
        }
        return h;
    }

    public Optional<String> photo() {
        return photo;
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
        if (photo.isEmpty()) {
            return xml.closeEmptyElement();
        }
        xml.rightAngleBracket();
        if (photo.get().isEmpty()) {
            xml.emptyElement("photo");
        } else {
            xml.element("photo", photo.get());
        }
        return xml.closeElement(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VCardUpdate u && u.photo.equals(photo);
    }

    @Override
    public int hashCode() {
        return photo.hashCode();
    }
}
