package org.cusax.xmpp.vcardtemp.provider;

import java.io.IOException;
import java.util.Optional;

import org.cusax.xmpp.vcardtemp.element.VCardUpdate;
import org.cusax.xmpp.xml.DetachedXml;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads {@code <x xmlns='vcard-temp:x:update'>} from presence (XEP-0153 §3.2). A missing or invalid
 * {@code <photo>} reads as "not advertised"; never throws on content.
 */
public final class VCardUpdateProvider extends ExtensionElementProvider<VCardUpdate> {
    public static final VCardUpdateProvider INSTANCE = new VCardUpdateProvider();

    @Override
    public VCardUpdate parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        return read(DetachedXml.capture(parser));
    }

    /** Reads a captured {@code <x/>} element; never throws. */
    public static VCardUpdate read(String xml) {
        try {
            XmlPullParser p = DetachedXml.open(xml);
            int depth = p.getDepth();
            Optional<String> photo = Optional.empty();
            while (DetachedXml.nextChild(p, depth)) {
                if (p.getName().equals("photo")) {
                    photo = Optional.of(DetachedXml.text(p));
                } else {
                    DetachedXml.skip(p);
                }
            }
            return new VCardUpdate(photo);
        } catch (Exception | StackOverflowError e) {
            return new VCardUpdate(Optional.empty());
        }
    }
}
