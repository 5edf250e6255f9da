package org.cusax.xmpp.xml;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads an element the stream parser is positioned on into a string, and walks such a string again.
 * Capturing first leaves Smack's parser exactly at the element's end tag whatever the content, so a
 * later reading error (our own validation, a bug) stays inside the provider.
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

    /** A parser over {@code xml}, positioned on its root start tag. */
    public static XmlPullParser open(String xml) throws XmlPullParserException, IOException {
        return PacketParserUtils.getParserFor(xml);
    }

    /**
     * Moves from the current start tag to the start tag of its next child, or returns false when the
     * current element ends first (the parser is then on that end tag).
     *
     * @param depth the depth of the parent element
     */
    public static boolean nextChild(XmlPullParser parser, int depth) throws XmlPullParserException, IOException {
        while (true) {
            XmlPullParser.Event event = parser.next();
            switch (event) {
                case START_ELEMENT:
                    if (parser.getDepth() == depth + 1) {
                        return true;
                    }
                    break;
                case END_ELEMENT:
                    if (parser.getDepth() == depth) {
                        return false;
                    }
                    break;
                case END_DOCUMENT:
                    return false;
                default:
                    break;
            }
        }
    }

    /** Skips the element whose start tag the parser is on, to its end tag (iteratively: nesting is unbounded). */
    public static void skip(XmlPullParser parser) throws XmlPullParserException, IOException {
        int depth = parser.getDepth();
        while (true) {
            XmlPullParser.Event event = parser.next();
            if ((event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth)
                    || event == XmlPullParser.Event.END_DOCUMENT) {
                return;
            }
        }
    }

    /**
     * The text directly inside the current element (text of nested elements is ignored), leaving the parser
     * on its end tag.
     */
    public static String text(XmlPullParser parser) throws XmlPullParserException, IOException {
        int depth = parser.getDepth();
        StringBuilder sb = new StringBuilder();
        while (true) {
            XmlPullParser.Event event = parser.next();
            switch (event) {
                case TEXT_CHARACTERS:
                case ENTITY_REFERENCE:
                    if (parser.getDepth() == depth) {
                        sb.append(parser.getText());
                    }
                    break;
                case END_ELEMENT:
                    if (parser.getDepth() == depth) {
                        return sb.toString();
                    }
                    break;
                case END_DOCUMENT:
                    return sb.toString();
                default:
                    break;
            }
        }
    }

    /** Upper-case element name, for vcard-temp's case-insensitive reading. */
    public static String upperName(XmlPullParser parser) {
        String name = parser.getName();
        return name == null ? "" : name.toUpperCase(Locale.ROOT);
    }
}
