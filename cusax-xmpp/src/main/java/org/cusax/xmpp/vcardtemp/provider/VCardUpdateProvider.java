package org.cusax.xmpp.vcardtemp.provider;

import java.io.IOException;
import java.util.Optional;

import org.cusax.xmpp.vcardtemp.element.VCardUpdate;
import org.cusax.xmpp.xml.InPlaceXml;
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
        return InPlaceXml.read(parser, VCardUpdateProvider::read, e -> new VCardUpdate(Optional.empty()));
    }

    private static VCardUpdate read(XmlPullParser p) throws XmlPullParserException, IOException {
        int depth = p.getDepth();
        Optional<String> photo = Optional.empty();
        while (InPlaceXml.nextChild(p, depth)) {
            if (p.getName().equals("photo")) {
                photo = Optional.of(InPlaceXml.text(p));
            } else {
                InPlaceXml.skip(p);
            }
        }
        return new VCardUpdate(photo);
    }
}
