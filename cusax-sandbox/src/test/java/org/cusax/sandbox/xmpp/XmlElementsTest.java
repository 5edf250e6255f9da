package org.cusax.sandbox.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.vysper.xml.fragment.Renderer;
import org.apache.vysper.xml.fragment.XMLElement;
import org.junit.jupiter.api.Test;

/** Seed XML (vCards, PEP payloads) becomes Vysper elements that render back with their namespaces. */
class XmlElementsTest {

    @Test
    void aVcardRendersBackAsXmlWithItsNamespaceAndEscapedText() {
        XMLElement e = XmlElements.parse("<vCard xmlns='vcard-temp'><FN>A &amp; B</FN>"
                + "<TEL><CELL/><NUMBER>+33 6 12 34 56 78</NUMBER></TEL></vCard>");
        assertThat(e.getNamespaceURI()).isEqualTo("vcard-temp");
        assertThat(new Renderer(e).getComplete()).isEqualTo("<vCard xmlns=\"vcard-temp\"><FN>A &amp; B</FN>"
                + "<TEL><CELL></CELL><NUMBER>+33 6 12 34 56 78</NUMBER></TEL></vCard>");
    }

    @Test
    void attributesAndNestedNamespacesSurvive() {
        XMLElement e = XmlElements.parse("<reach xmlns='urn:xmpp:reach:0'><addr uri='sip:a@cusax.test'>"
                + "<desc xml:lang='en'>desk</desc></addr></reach>");
        String xml = new Renderer(e).getComplete();
        assertThat(xml).startsWith("<reach xmlns=\"urn:xmpp:reach:0\"><addr uri=\"sip:a@cusax.test\">")
                .contains("xml:lang=\"en\"");
    }

    @Test
    void doctypesAndBrokenXmlAreRefused() {
        assertThatThrownBy(() -> XmlElements.parse("<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XmlElements.parse("<vCard xmlns='vcard-temp'>")).isInstanceOf(IllegalArgumentException.class);
    }
}
