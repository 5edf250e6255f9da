package org.cusax.xmpp.xml;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Function;

import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads an element where Smack's stream parser stands, without copying it, and leaves the parser on the
 * element's end tag whatever the reading did. A failure of ours on the content (an unchecked exception, a stack
 * overflow) skips the rest of the element and yields the provider's "unreadable" value, so nothing a contact
 * publishes makes a provider throw into Smack's reader; an error of the stream itself (the XML is not
 * well-formed: {@link XmlPullParserException}, or {@link IOException}) is left to Smack, which ends the stream
 * (RFC 6120 §4.9.3.1). Reading a copy instead (capture to a string, then a second parser over it) cost a new JDK
 * StAX reader per element: a quarter of the client's CPU while loading 1,000 vCards (issue 13's profile).
 */
public final class InPlaceXml {
    private InPlaceXml() {
    }

    /** Reads the element whose start tag the parser is on, with the walks below. */
    @FunctionalInterface
    public interface ElementReader<T> {
        T read(XmlPullParser parser) throws XmlPullParserException, IOException;
    }

    /**
     * Reads the element at the parser's current start tag with {@code reader}; when the reader fails on its
     * content, {@code unreadable} gives the value instead. Either way the parser ends on the element's end tag.
     */
    public static <T> T read(XmlPullParser parser, ElementReader<T> reader, Function<Throwable, T> unreadable)
            throws XmlPullParserException, IOException {
        int depth = parser.getDepth();
        T value;
        try {
            value = reader.read(parser);
        } catch (RuntimeException | StackOverflowError e) {
            value = unreadable.apply(e);
        }
        toEndTag(parser, depth);
        return value;
    }

    private static void toEndTag(XmlPullParser parser, int depth) throws XmlPullParserException, IOException {
        XmlPullParser.Event event = parser.getEventType();
        while (event != XmlPullParser.Event.END_ELEMENT || parser.getDepth() != depth) {
            if (event == XmlPullParser.Event.END_DOCUMENT) {
                throw new XmlPullParserException("the document ended inside an element");
            }
            event = parser.next();
        }
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
