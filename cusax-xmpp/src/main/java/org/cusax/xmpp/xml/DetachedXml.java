package org.cusax.xmpp.xml;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads an element the stream parser is positioned on into a string, for a library that reads XML documents of
 * its own (ez-vcard's xCard reader). Capturing leaves Smack's parser exactly at the element's end tag whatever
 * the content, so that library's errors stay inside the provider. Providers that walk the element themselves
 * read it in place ({@link InPlaceXml}): no copy, no second parser.
 */
public final class DetachedXml {
    private DetachedXml() {
    }

    /**
     * Captures the element at the parser's current start tag and moves the parser to the matching end tag.
     * The copy declares each element's namespace where it changes and keeps attribute prefixes such as
     * {@code xml:lang} (Smack's {@code PacketParserUtils.parseElement} drops them, and repeats {@code xmlns}
     * on every element, which the JDK's DOM transformer then rejects). Comments and processing instructions
     * are dropped. Errors here come from the stream itself and are left to Smack.
     */
    public static String capture(XmlPullParser parser) throws XmlPullParserException, IOException {
        int depth = parser.getDepth();
        StringBuilder sb = new StringBuilder();
        Deque<String> namespaces = new ArrayDeque<>();
        XmlPullParser.Event event = parser.getEventType();
        while (true) {
            switch (event) {
                case START_ELEMENT -> {
                    String ns = parser.getNamespace() == null ? "" : parser.getNamespace();
                    sb.append('<').append(parser.getName());
                    if (!ns.equals(namespaces.isEmpty() ? "" : namespaces.peek())) {
                        sb.append(" xmlns='").append(escape(ns, true)).append('\'');
                    }
                    attributes(parser, sb);
                    sb.append('>');
                    namespaces.push(ns);
                }
                case END_ELEMENT -> {
                    sb.append("</").append(parser.getName()).append('>');
                    namespaces.pop();
                    if (parser.getDepth() == depth || namespaces.isEmpty()) {
                        return sb.toString();
                    }
                }
                case TEXT_CHARACTERS, ENTITY_REFERENCE, IGNORABLE_WHITESPACE -> sb.append(escape(parser.getText(), false));
                case END_DOCUMENT -> throw new XmlPullParserException("the document ended inside an element");
                default -> {
                }
            }
            event = parser.next();
        }
    }

    private static void attributes(XmlPullParser parser, StringBuilder sb) {
        List<String> declared = new ArrayList<>();
        for (int i = 0; i < parser.getAttributeCount(); i++) {
            String prefix = parser.getAttributePrefix(i);
            String name = parser.getAttributeName(i);
            String value = escape(parser.getAttributeValue(i), true);
            if (prefix == null || prefix.isEmpty()) {
                sb.append(' ').append(name).append("='").append(value).append('\'');
            } else {
                if (!prefix.equals("xml") && !declared.contains(prefix)) {
                    declared.add(prefix);
                    sb.append(" xmlns:").append(prefix).append("='")
                            .append(escape(parser.getAttributeNamespace(i), true)).append('\'');
                }
                sb.append(' ').append(prefix).append(':').append(name).append("='").append(value).append('\'');
            }
        }
    }

    private static String escape(String s, boolean attribute) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\'' -> sb.append(attribute ? "&apos;" : "'");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
