package org.cusax.xmpp.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.junit.jupiter.api.Test;

/**
 * Reading an element in place: whatever the reader does, the parser ends on the element's end tag, so the
 * stream stays in step (the next sibling reads as usual); a failure of the reader on content gives the
 * "unreadable" value; a document that ends inside the element is the stream's error (RFC 6120 §4.9.3.1).
 */
class InPlaceXmlTest {
    private static final String DOC = "<outer><first><a>1</a><b><c>2</c></b><a>3</a></first><second>after</second></outer>";

    /** The parser on {@code <first>}. */
    private static XmlPullParser onFirst() throws Exception {
        XmlPullParser p = PacketParserUtils.getParserFor(DOC);
        assertThat(InPlaceXml.nextChild(p, p.getDepth())).isTrue();
        assertThat(p.getName()).isEqualTo("first");
        return p;
    }

    private static void assertOnEndOfFirstThenSecondReads(XmlPullParser p, int depth) throws Exception {
        assertThat(p.getEventType()).isEqualTo(XmlPullParser.Event.END_ELEMENT);
        assertThat(p.getName()).isEqualTo("first");
        assertThat(p.getDepth()).isEqualTo(depth);
        assertThat(InPlaceXml.nextChild(p, depth - 1)).isTrue();
        assertThat(p.getName()).isEqualTo("second");
        assertThat(InPlaceXml.text(p)).isEqualTo("after");
    }

    @Test
    void aReaderThatWalksTheWholeElementLeavesTheParserOnItsEndTag() throws Exception {
        XmlPullParser p = onFirst();
        int depth = p.getDepth();
        List<String> texts = InPlaceXml.read(p, parser -> {
            List<String> out = new ArrayList<>();
            while (InPlaceXml.nextChild(parser, depth)) {
                if (parser.getName().equals("a")) {
                    out.add(InPlaceXml.text(parser));
                } else {
                    InPlaceXml.skip(parser);
                }
            }
            return out;
        }, e -> List.of("unreadable"));
        assertThat(texts).containsExactly("1", "3");
        assertOnEndOfFirstThenSecondReads(p, depth);
    }

    @Test
    void aReaderThatStopsEarlyIsCarriedToTheEndTag() throws Exception {
        XmlPullParser p = onFirst();
        int depth = p.getDepth();
        String first = InPlaceXml.read(p, parser -> {
            InPlaceXml.nextChild(parser, depth);
            return InPlaceXml.text(parser);
        }, e -> "unreadable");
        assertThat(first).isEqualTo("1");
        assertOnEndOfFirstThenSecondReads(p, depth);
    }

    @Test
    void aReaderFailingInsideANestedElementGivesTheUnreadableValue() throws Exception {
        XmlPullParser p = onFirst();
        int depth = p.getDepth();
        List<Throwable> seen = new ArrayList<>();
        String value = InPlaceXml.read(p, parser -> {
            InPlaceXml.nextChild(parser, depth);
            InPlaceXml.skip(parser);
            InPlaceXml.nextChild(parser, depth);
            InPlaceXml.nextChild(parser, depth + 1);
            throw new IllegalArgumentException("bad content in <" + parser.getName() + ">");
        }, e -> {
            seen.add(e);
            return "unreadable";
        });
        assertThat(value).isEqualTo("unreadable");
        assertThat(seen).singleElement().hasFieldOrPropertyWithValue("message", "bad content in <c>");
        assertOnEndOfFirstThenSecondReads(p, depth);
    }

    @Test
    void aStackOverflowInTheReaderIsContainedToo() throws Exception {
        XmlPullParser p = onFirst();
        int depth = p.getDepth();
        String value = InPlaceXml.read(p, parser -> {
            throw new StackOverflowError();
        }, e -> e.getClass().getSimpleName());
        assertThat(value).isEqualTo("StackOverflowError");
        assertOnEndOfFirstThenSecondReads(p, depth);
    }

    @Test
    void aDocumentEndingInsideTheElementIsTheStreamsError() throws Exception {
        XmlPullParser p = PacketParserUtils.getParserFor("<first><a>1</a>");
        assertThatThrownBy(() -> InPlaceXml.read(p, parser -> "read", e -> "unreadable"))
                .isInstanceOf(XmlPullParserException.class);
    }
}
