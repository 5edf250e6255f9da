package org.cusax.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The order in which a contact's callable numbers (XEP-0054 TEL types) are offered. */
class TelPreferenceTest {
    private final AddressNormalizer n = new AddressNormalizer("FR");
    private final List<TelAddress> tels = List.of(
            n.tel("04 12 34 56 78", List.of("HOME"), TelSource.VCARD_TEMP),
            n.tel("01 23 45 67 89", List.of("WORK", "VOICE"), TelSource.VCARD_TEMP),
            n.tel("01 23 45 67 90", List.of("WORK", "FAX"), TelSource.VCARD_TEMP),
            n.tel("06 12 34 56 78", List.of("CELL"), TelSource.VCARD_TEMP),
            n.tel("sip:bob-video@cusax.test", List.of("VIDEO"), TelSource.VCARD_TEMP),
            n.tel("tel:+33612345678", List.of(), TelSource.REACH_PEP));

    @Test
    void defaultIsMobileWorkHomeVideoOther() {
        assertThat(TelPreference.defaults().order()).containsExactly(
                TelLabel.MOBILE, TelLabel.WORK, TelLabel.HOME, TelLabel.VIDEO, TelLabel.OTHER);
        assertThat(TelPreference.defaults().order(tels)).extracting(TelAddress::label, TelAddress::uri).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TelLabel.MOBILE, "06 12 34 56 78"),
                org.assertj.core.groups.Tuple.tuple(TelLabel.WORK, "01 23 45 67 89"),
                org.assertj.core.groups.Tuple.tuple(TelLabel.HOME, "04 12 34 56 78"),
                org.assertj.core.groups.Tuple.tuple(TelLabel.VIDEO, "sip:bob-video@cusax.test"));
    }

    @Test
    void configuredOrderComesFirstAndTheRestFollowInDefaultOrder() {
        TelPreference p = TelPreference.parse("home, work");
        assertThat(p.order()).containsExactly(TelLabel.HOME, TelLabel.WORK, TelLabel.MOBILE, TelLabel.VIDEO, TelLabel.OTHER);
        assertThat(p.order(tels)).extracting(TelAddress::uri)
                .containsExactly("04 12 34 56 78", "01 23 45 67 89", "06 12 34 56 78", "sip:bob-video@cusax.test");
        assertThat(p.toConfig()).isEqualTo("home,work,mobile,video,other");
        assertThat(TelPreference.parse("").order()).isEqualTo(TelPreference.defaults().order());
    }

    @Test
    void preferredNumberComesFirstWithinItsLabel() {
        List<TelAddress> two = List.of(
                n.tel("01 23 45 67 89", List.of("WORK"), TelSource.VCARD_TEMP),
                n.tel("01 98 76 54 32", List.of("WORK", "PREF"), TelSource.VCARD_TEMP));
        assertThat(TelPreference.defaults().order(two)).extracting(TelAddress::uri)
                .containsExactly("01 98 76 54 32", "01 23 45 67 89");
    }

    @Test
    void badConfigurationIsAClearError() {
        assertThatThrownBy(() -> TelPreference.parse("mobile, cellphone"))
                .hasMessage("unknown number label 'cellphone' (expected mobile,work,home,video,other)");
        assertThatThrownBy(() -> TelPreference.parse("work,fax")).hasMessageContaining("Fax numbers are never called");
        assertThatThrownBy(() -> TelPreference.parse("work work")).hasMessageContaining("Work appears twice");
    }
}
