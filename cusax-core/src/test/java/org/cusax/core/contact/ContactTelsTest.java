package org.cusax.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Merging tels of XEP-0054, XEP-0292 and XEP-0152 (presence and PEP) per contact, origin kept. */
class ContactTelsTest {
    private final AddressNormalizer n = new AddressNormalizer("FR");

    @Test
    void sameNumberTwiceInOneSourceIsOneEntryWithBothTypes() {
        ContactTels tels = ContactTels.empty().with(TelSource.VCARD_TEMP, List.of(
                n.tel("06 12 34 56 78", List.of("CELL"), TelSource.VCARD_TEMP),
                n.tel("+33612345678", List.of("VOICE", "PREF"), TelSource.VCARD_TEMP),
                n.tel("??", List.of(), TelSource.VCARD_TEMP),
                n.tel(" ?? ", List.of(), TelSource.VCARD_TEMP)));
        assertThat(tels.merged()).hasSize(2);
        TelAddress mobile = tels.merged().get(0);
        assertThat(mobile.uri()).isEqualTo("06 12 34 56 78");
        assertThat(mobile.types()).containsExactly(TelType.VOICE, TelType.CELL, TelType.PREF);
        assertThat(tels.merged().get(1).kind()).isEqualTo(AddressKind.UNPARSEABLE);
    }

    @Test
    void sameNumberFromTwoSourcesKeepsBothOrigins() {
        ContactTels tels = ContactTels.empty()
                .with(TelSource.REACH_PEP, List.of(n.tel("tel:+33612345678", List.of(), TelSource.REACH_PEP)))
                .with(TelSource.VCARD_TEMP, List.of(n.tel("06 12 34 56 78", List.of("CELL"), TelSource.VCARD_TEMP)));
        assertThat(tels.merged()).extracting(TelAddress::source)
                .containsExactly(TelSource.VCARD_TEMP, TelSource.REACH_PEP);
        assertThat(tels.merged()).extracting(t -> t.normalized().orElseThrow())
                .containsExactly("tel:+33612345678", "tel:+33612345678");
    }

    @Test
    void aSourceReportingAgainReplacesOnlyItsOwnAddresses() {
        ContactTels tels = ContactTels.empty()
                .with(TelSource.VCARD_TEMP, List.of(n.tel("01 23 45 67 89", List.of("WORK"), TelSource.VCARD_TEMP)))
                .with(TelSource.REACH_PRESENCE, List.of(n.tel("sip:bob@cusax.test", List.of(), TelSource.REACH_PRESENCE)))
                .with(TelSource.VCARD_TEMP, List.of(n.tel("01 23 45 67 90", List.of("WORK"), TelSource.VCARD_TEMP)));
        assertThat(tels.merged()).extracting(TelAddress::uri).containsExactly("01 23 45 67 90", "sip:bob@cusax.test");
        assertThat(tels.without(TelSource.REACH_PRESENCE).merged()).extracting(TelAddress::uri)
                .containsExactly("01 23 45 67 90");
        assertThat(tels.without(TelSource.REACH_PRESENCE).without(TelSource.VCARD_TEMP).isEmpty()).isTrue();
    }

    @Test
    void anAddressFiledUnderTheWrongSourceIsRefused() {
        assertThatThrownBy(() -> ContactTels.empty().with(TelSource.VCARD4,
                List.of(n.tel("06 12 34 56 78", List.of(), TelSource.VCARD_TEMP))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comes from vcard-temp, not vcard4");
    }
}
