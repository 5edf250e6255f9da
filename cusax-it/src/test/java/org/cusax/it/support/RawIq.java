package org.cusax.it.support;

import org.jivesoftware.smack.packet.IQ;

/** An IQ whose child element is given as XML text, for seeding servers in tests. */
public final class RawIq extends IQ {
    private final String innerXml;

    public RawIq(String element, String namespace, String innerXml, Type type) {
        super(element, namespace);
        this.innerXml = innerXml;
        setType(type);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.rightAngleBracket();
        xml.append(innerXml);
        return xml;
    }
}
