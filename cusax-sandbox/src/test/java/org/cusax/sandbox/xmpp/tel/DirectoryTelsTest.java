package org.cusax.sandbox.xmpp.tel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.vysper.xml.fragment.Renderer;
import org.apache.vysper.xml.fragment.XMLElement;
import org.cusax.provisioning.directory.PhoneNumber;
import org.junit.jupiter.api.Test;

/** XEP-0054 TEL types and RFC 3966 §5.1 tel: URIs (global / local with phone-context) of directory numbers. */
class DirectoryTelsTest {
    @Test
    void vcardTempTelsCarryTheLabelsTypesAndTheNumberAsWritten() {
        List<XMLElement> tels = DirectoryTels.vcardTemp(List.of(PhoneNumber.parse("mobile:06 12 34 56 78"),
                PhoneNumber.parse("work:+33 1 84 88 00 12")));
        assertThat(tels).extracting(t -> new Renderer(t).getComplete()).containsExactly(
                "<TEL xmlns=\"vcard-temp\"><CELL></CELL><NUMBER>06 12 34 56 78</NUMBER></TEL>",
                "<TEL xmlns=\"vcard-temp\"><WORK></WORK><VOICE></VOICE><NUMBER>+33 1 84 88 00 12</NUMBER></TEL>");
    }

    @Test
    void vcard4TelsAreTelUrisWithTypes() {
        String home = new Renderer(DirectoryTels.vcard4(List.of(PhoneNumber.parse("home:01 23 45 67 89")), "cusax.test")
                .get(0)).getComplete();
        assertThat(home).contains("<text>home</text><text>voice</text>")
                .contains("<uri>tel:0123456789;phone-context=cusax.test</uri>");
        assertThat(DirectoryTels.telUri("+1 (555) 010-0199", "x.test")).isEqualTo("tel:+15550100199");
    }
}
