package org.cusax.xmpp.vcardtemp.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.cusax.xmpp.testing.Xml;
import org.cusax.xmpp.vcardtemp.provider.VCardUpdateProvider;
import org.junit.jupiter.api.Test;

/** XEP-0153 §3.2 presence update element: round trips of its three states, and odd input. */
class VCardUpdateTest {
    private static final String HASH = "01b87fcd030b72895ff8e88db57ec525450f000d";

    @Test
    void roundTripsHashNoPhotoAndNotReady() throws Exception {
        for (VCardUpdate u : new VCardUpdate[] {new VCardUpdate(Optional.of(HASH)), new VCardUpdate(Optional.of("")),
                new VCardUpdate(Optional.empty())}) {
            assertThat(Xml.roundTrip(VCardUpdateProvider.INSTANCE, u)).isEqualTo(u);
        }
        assertThat(new VCardUpdate(Optional.of("")).toXML().toString())
                .isEqualTo("<x xmlns='vcard-temp:x:update'><photo/></x>");
    }

    @Test
    void upperCaseHashIsNormalizedAndJunkReadsAsNotAdvertised() throws Exception {
        assertThat(Xml.parse(VCardUpdateProvider.INSTANCE,
                "<x xmlns='vcard-temp:x:update'><photo> " + HASH.toUpperCase() + " </photo></x>").photo()).contains(HASH);
        assertThat(Xml.parse(VCardUpdateProvider.INSTANCE,
                "<x xmlns='vcard-temp:x:update'><photo>not a hash!</photo></x>").photo()).isEmpty();
        assertThat(Xml.parse(VCardUpdateProvider.INSTANCE,
                "<x xmlns='vcard-temp:x:update'><nickname>x</nickname></x>").photo()).isEmpty();
        assertThatThrownBy(() -> new VCardUpdate(Optional.of("zz"))).isInstanceOf(IllegalArgumentException.class);
    }
}
