package org.cusax.xmpp.testing;

import org.jivesoftware.smack.packet.Element;
import org.jivesoftware.smack.provider.Provider;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;

/** Round trips for element tests (GUIDE §3.9): build → XML → parse with our provider. */
public final class Xml {
    private Xml() {
    }

    /** Parses {@code xml} (one element) with {@code provider}, as Smack would inside a stanza. */
    public static <E extends Element> E parse(Provider<E> provider, String xml) throws Exception {
        XmlPullParser parser = PacketParserUtils.getParserFor(xml);
        return provider.parse(parser);
    }

    /** The element's XML, then parsed back with {@code provider}. */
    public static <E extends Element> E roundTrip(Provider<E> provider, Element element) throws Exception {
        return parse(provider, element.toXML().toString());
    }
}
