package org.cusax.xmpp.reach.provider;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.cusax.xmpp.reach.element.ReachAddress;
import org.cusax.xmpp.reach.element.ReachElement;
import org.cusax.xmpp.xml.InPlaceXml;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.ParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code <reach xmlns='urn:xmpp:reach:0'>} (XEP-0152 §3), in presence and in PEP items. An
 * {@code <addr>} without a valid absolute URI is skipped, as are descriptions beyond the limits; anything
 * it cannot read yields an empty element: this provider never throws on content.
 */
public final class ReachProvider extends ExtensionElementProvider<ReachElement> {
    public static final ReachProvider INSTANCE = new ReachProvider();
    private static final Logger LOG = LoggerFactory.getLogger(ReachProvider.class);

    @Override
    public ReachElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return InPlaceXml.read(parser, ReachProvider::read, e -> {
            LOG.debug("unreadable reachability element: {}", e.toString());
            return new ReachElement(List.of());
        });
    }

    private static ReachElement read(XmlPullParser p) throws XmlPullParserException, IOException {
        int depth = p.getDepth();
        List<ReachAddress> addresses = new ArrayList<>();
        while (InPlaceXml.nextChild(p, depth)) {
            if (p.getName().equals("addr") && addresses.size() < ReachElement.MAX_ADDRESSES) {
                address(p, addresses);
            } else {
                InPlaceXml.skip(p);
            }
        }
        return new ReachElement(addresses);
    }

    private static void address(XmlPullParser p, List<ReachAddress> into) throws XmlPullParserException, IOException {
        String uri = p.getAttributeValue("", "uri");
        int depth = p.getDepth();
        List<ReachAddress.Description> descriptions = new ArrayList<>();
        while (InPlaceXml.nextChild(p, depth)) {
            if (p.getName().equals("desc") && descriptions.size() < ReachAddress.MAX_DESCRIPTIONS) {
                String lang = ParserUtils.getXmlLang(p);
                String text = InPlaceXml.text(p);
                if (text.length() <= ReachAddress.Description.MAX_TEXT_LENGTH && (lang == null || lang.length() <= 64)) {
                    descriptions.add(new ReachAddress.Description(lang, text));
                }
            } else {
                InPlaceXml.skip(p);
            }
        }
        try {
            into.add(new ReachAddress(uri, descriptions));
        } catch (IllegalArgumentException e) {
            LOG.debug("skipped a reachability address: {}", e.getMessage());
        }
    }
}
