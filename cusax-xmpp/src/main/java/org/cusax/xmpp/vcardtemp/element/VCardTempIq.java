package org.cusax.xmpp.vcardtemp.element;

import java.util.List;
import java.util.Optional;

import javax.xml.namespace.QName;

import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/**
 * {@code <vCard xmlns='vcard-temp'/>} (XEP-0054 §3.1): empty as a request, and as a result the telephony
 * part of the vCard: every TEL (at most {@link #MAX_TELS}) and the SHA-1 of its photo, which XEP-0153
 * presence updates are compared with. Other vCard fields are not kept.
 */
public final class VCardTempIq extends IQ {
    public static final String ELEMENT = "vCard";
    public static final String NAMESPACE = "vcard-temp";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);
    /** TELs kept per vCard; a parser cuts a vCard with more (and flags it {@link #truncated()}). */
    public static final int MAX_TELS = 64;

    private final List<VCardTel> tels;
    private final Optional<String> photoHash;
    private final boolean truncated;
    private final boolean malformed;
    private volatile byte[] photoData;

    /**
     * @param tels      the TELs, in document order
     * @param photoHash lower-case hex SHA-1 of the PHOTO's BINVAL, "" when the vCard has no photo, empty
     *                  when it cannot be told (external photo, unreadable data)
     */
    public VCardTempIq(List<VCardTel> tels, Optional<String> photoHash) {
        this(tels, photoHash, false, false);
    }

    private VCardTempIq(List<VCardTel> tels, Optional<String> photoHash, boolean truncated, boolean malformed) {
        super(ELEMENT, NAMESPACE);
        this.tels = tels == null ? List.of() : List.copyOf(tels);
        if (this.tels.size() > MAX_TELS) {
            throw new IllegalArgumentException("a vCard is limited to " + MAX_TELS + " TELs");
        }
        this.truncated = truncated;
        this.photoHash = photoHash == null ? Optional.empty() : photoHash.map(VCardUpdate::checkHash);
        this.malformed = malformed;
    }

    /** What a parser returns for a vCard it could not read: no TELs, flagged malformed. */
    public static VCardTempIq unreadable() {
        return new VCardTempIq(List.of(), Optional.empty(), false, true);
    }

    /** A vCard whose TELs were cut at {@link #MAX_TELS} (the first {@code tels} are given). */
    public static VCardTempIq truncated(List<VCardTel> tels, Optional<String> photoHash) {
        return new VCardTempIq(tels, photoHash, true, false);
    }

    /** {@code <iq type='get' to='jid'><vCard xmlns='vcard-temp'/></iq>}. */
    public static VCardTempIq request(Jid to) {
        VCardTempIq iq = new VCardTempIq(List.of(), Optional.empty());
        iq.setType(Type.get);
        iq.setTo(to);
        return iq;
    }

    public List<VCardTel> tels() {
        return tels;
    }

    public Optional<String> photoHash() {
        return photoHash;
    }

    /**
     * Keeps the decoded PHOTO bytes (a parser gives them only when at most
     * {@link org.cusax.core.contact.Avatar#MAX_BYTES}); returns this IQ.
     */
    public VCardTempIq withPhotoData(byte[] data) {
        this.photoData = data == null ? null : data.clone();
        return this;
    }

    /** The decoded PHOTO (BINVAL), when present and small enough to be kept. */
    public Optional<byte[]> photoData() {
        byte[] d = photoData;
        return d == null ? Optional.empty() : Optional.of(d.clone());
    }

    /** More than {@link #MAX_TELS} TELs were present. */
    public boolean truncated() {
        return truncated;
    }

    /** The vCard could not be read; {@link #tels()} is empty. */
    public boolean malformed() {
        return malformed;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        if (tels.isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        for (VCardTel tel : tels) {
            xml.openElement("TEL");
            tel.types().forEach(xml::emptyElement);
            xml.element("NUMBER", tel.number());
            xml.closeElement("TEL");
        }
        return xml;
    }
}
