package org.cusax.xmpp.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.cusax.xmpp.reach.element.ReachAddress;
import org.cusax.xmpp.reach.element.ReachElement;
import org.cusax.xmpp.reach.provider.ReachProvider;
import org.cusax.xmpp.vcard4.element.VCard4Element;
import org.cusax.xmpp.vcard4.element.VCard4Tel;
import org.cusax.xmpp.vcard4.provider.VCard4Provider;
import org.cusax.xmpp.vcardtemp.element.VCardTel;
import org.cusax.xmpp.vcardtemp.element.VCardTempIq;
import org.cusax.xmpp.vcardtemp.provider.VCardTempProvider;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Fuzz targets (Jazzer) for our XMPP providers on the path a stanza from a contact takes (Smack's StAX parser,
 * then the provider): vcard-temp (XEP-0054), vCard4 (XEP-0292) and reachability (XEP-0152). Whatever the
 * element holds, the provider either returns an element within its limits (TEL count and length) and leaves
 * the parser on the element's end tag, so the stream stays in step, or the XML itself is broken and Smack's
 * parser says so ({@link XmlPullParserException}, which ends the stream as RFC 6120 §4.9.3.1 requires).
 */
class ProviderStreamFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void vcardTemp(byte[] input) throws Exception {
        VCardTempIq v = parse((p, d) -> VCardTempProvider.INSTANCE.parse(p, d, null), input);
        if (v != null) {
            assertThat(v.tels()).hasSizeLessThanOrEqualTo(VCardTempIq.MAX_TELS);
            for (VCardTel t : v.tels()) {
                assertThat(t.number()).isNotBlank().hasSizeLessThanOrEqualTo(VCardTel.MAX_NUMBER_LENGTH);
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void vcard4(byte[] input) throws Exception {
        VCard4Element v = parse((p, d) -> VCard4Provider.INSTANCE.parse(p, d, null), input);
        if (v != null) {
            assertThat(v.tels()).hasSizeLessThanOrEqualTo(VCard4Element.MAX_TELS);
            for (VCard4Tel t : v.tels()) {
                assertThat(t.value()).isNotBlank().hasSizeLessThanOrEqualTo(VCard4Tel.MAX_VALUE_LENGTH);
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void reach(byte[] input) throws Exception {
        ReachElement r = parse((p, d) -> ReachProvider.INSTANCE.parse(p, d, null), input);
        if (r != null) {
            assertThat(r.addresses()).hasSizeLessThanOrEqualTo(ReachElement.MAX_ADDRESSES);
            for (ReachAddress a : r.addresses()) {
                assertThat(a.uri()).hasSizeLessThanOrEqualTo(ReachAddress.MAX_URI_LENGTH);
            }
        }
    }

    /** The element, or null when the XML is not well-formed (Smack's parser refused it). */
    /** A provider's parse method as Smack calls it: the parser on the element's start tag, and its depth. */
    interface StreamParse<E> {
        E parse(XmlPullParser parser, int depth) throws Exception;
    }

    private static <E> E parse(StreamParse<E> provider, byte[] input) throws Exception {
        String xml = new String(input, StandardCharsets.UTF_8);
        XmlPullParser parser;
        try {
            parser = PacketParserUtils.getParserFor(xml);
        } catch (XmlPullParserException | RuntimeException refusedBySmacksParser) {
            // before any provider runs (the JDK's StAX even throws MissingResourceException on a broken DTD):
            // in a stream, Smack's reader catches it and ends the connection
            return null;
        }
        int depth = parser.getDepth();
        E element;
        try {
            element = provider.parse(parser, depth);
        } catch (XmlPullParserException notWellFormed) {
            return null;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("our provider threw instead of marking the element malformed", e);
        }
        assertThat(parser.getEventType()).isEqualTo(XmlPullParser.Event.END_ELEMENT);
        assertThat(parser.getDepth()).isEqualTo(depth);
        return element;
    }
}
