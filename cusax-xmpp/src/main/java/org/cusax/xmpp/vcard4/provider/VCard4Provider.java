package org.cusax.xmpp.vcard4.provider;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.cusax.xmpp.vcard4.element.VCard4Element;
import org.cusax.xmpp.vcard4.element.VCard4Tel;
import org.cusax.xmpp.xml.DetachedXml;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Telephone;

/**
 * Reads a vCard4 xCard ({@code <vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'>}, RFC 6351) with
 * ez-vcard and keeps its {@code tel} properties, both forms: {@code <uri>tel:…</uri>} and
 * {@code <text>…</text>}. A tel without a value or with an unusable TYPE is skipped; anything unreadable
 * yields {@link VCard4Element#malformed()}: this provider never throws on content.
 */
public final class VCard4Provider extends ExtensionElementProvider<VCard4Element> {
    public static final VCard4Provider INSTANCE = new VCard4Provider();
    private static final Logger LOG = LoggerFactory.getLogger(VCard4Provider.class);

    @Override
    public VCard4Element parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return read(DetachedXml.capture(parser));
    }

    /** Reads a captured {@code <vcard/>} element; never throws. */
    public static VCard4Element read(String xml) {
        try {
            // ez-vcard reads xCard documents: wrap the single vcard in the RFC 6351 <vcards> root.
            VCard card = Ezvcard.parseXml("<vcards xmlns='" + VCard4Element.NAMESPACE + "'>" + xml + "</vcards>")
                    .first();
            if (card == null) {
                LOG.debug("no vCard4 in an xCard of {} characters", xml.length());
                return VCard4Element.unreadable();
            }
            List<VCard4Tel> tels = new ArrayList<>();
            for (Telephone tel : card.getTelephoneNumbers()) {
                if (tels.size() == VCard4Element.MAX_TELS) {
                    LOG.debug("a vCard4 has more than {} tels; the first ones are kept", VCard4Element.MAX_TELS);
                    break;
                }
                tel(tel, tels);
            }
            return new VCard4Element(tels);
        } catch (Exception | StackOverflowError e) {
            LOG.debug("unreadable vCard4 ({} characters): {}", xml == null ? 0 : xml.length(), e.toString());
            return VCard4Element.unreadable();
        }
    }

    private static void tel(Telephone tel, List<VCard4Tel> into) {
        String value = tel.getUri() != null ? tel.getUri().toString() : tel.getText();
        if (value == null || value.isBlank() || value.strip().length() > VCard4Tel.MAX_VALUE_LENGTH) {
            return;
        }
        List<String> types = new ArrayList<>();
        for (TelephoneType type : tel.getTypes()) {
            if (type != null && VCard4Tel.validType(type.getValue())) {
                types.add(type.getValue());
            }
        }
        Integer pref = tel.getPref();
        if (pref != null && pref == 1) {
            types.add("pref");
        }
        into.add(new VCard4Tel(value, types));
    }
}
