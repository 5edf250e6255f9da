package org.cusax.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** XEP-0054 TEL types and RFC 6350 §6.4.1 TYPE values: which numbers are callable, and their labels. */
class TelTypeTest {

    private static Set<TelType> types(String... tokens) {
        return TelType.parseAll(List.of(tokens));
    }

    @Test
    void tokensOfBothVcardFlavoursAreRead() {
        assertThat(types("CELL", "voice", " Work ", "PREF", "X-UNKNOWN", "main-number"))
                .containsExactly(TelType.VOICE, TelType.CELL, TelType.WORK, TelType.PREF);
        assertThat(TelType.fromToken("textphone")).contains(TelType.TEXTPHONE);
        assertThat(TelType.fromToken(null)).isEmpty();
    }

    @Test
    void faxOrPagerOnlyIsNotCallableButFaxVoiceIs() {
        assertThat(TelType.voiceCapable(types())).isTrue();
        assertThat(TelType.voiceCapable(types("WORK"))).isTrue();
        assertThat(TelType.voiceCapable(types("FAX"))).isFalse();
        assertThat(TelType.voiceCapable(types("FAX", "WORK", "PREF"))).isFalse();
        assertThat(TelType.voiceCapable(types("PAGER"))).isFalse();
        assertThat(TelType.voiceCapable(types("FAX", "PAGER"))).isFalse();
        assertThat(TelType.voiceCapable(types("MODEM"))).isFalse();
        assertThat(TelType.voiceCapable(types("FAX", "VOICE"))).isTrue();
        assertThat(TelType.voiceCapable(types("FAX", "CELL"))).isTrue();
    }

    @Test
    void labelsForTheUser() {
        assertThat(TelLabel.of(types("CELL"))).isEqualTo(TelLabel.MOBILE);
        assertThat(TelLabel.of(types("WORK", "CELL"))).isEqualTo(TelLabel.MOBILE);
        assertThat(TelLabel.of(types("WORK", "VOICE"))).isEqualTo(TelLabel.WORK);
        assertThat(TelLabel.of(types("HOME"))).isEqualTo(TelLabel.HOME);
        assertThat(TelLabel.of(types("VIDEO", "WORK"))).isEqualTo(TelLabel.VIDEO);
        assertThat(TelLabel.of(types("VOICE"))).isEqualTo(TelLabel.OTHER);
        assertThat(TelLabel.of(EnumSet.noneOf(TelType.class))).isEqualTo(TelLabel.OTHER);
        assertThat(TelLabel.of(types("FAX", "WORK"))).isEqualTo(TelLabel.FAX);
        assertThat(TelLabel.of(types("FAX", "VOICE", "WORK"))).isEqualTo(TelLabel.WORK);
        assertThat(TelLabel.of(types("PAGER"))).isEqualTo(TelLabel.PAGER);
        assertThat(TelLabel.MOBILE.text()).isEqualTo("Mobile");
        assertThat(TelLabel.fromToken("Mobile")).contains(TelLabel.MOBILE);
    }

    @Test
    void unparseableAddressIsNeverCallable() {
        TelAddress garbage = new AddressNormalizer("FR").tel("not a number", List.of("CELL"), TelSource.VCARD_TEMP);
        assertThat(garbage.kind()).isEqualTo(AddressKind.UNPARSEABLE);
        assertThat(garbage.uri()).isEqualTo("not a number");
        assertThat(garbage.callable()).isFalse();
    }

    @Test
    void sourceTokens() {
        assertThat(TelSource.VCARD_TEMP.token()).isEqualTo("vcard-temp");
        assertThat(TelSource.VCARD4.token()).isEqualTo("vcard4");
        assertThat(TelSource.REACH_PRESENCE.token()).isEqualTo("reach-presence");
        assertThat(TelSource.REACH_PEP.token()).isEqualTo("reach-pep");
        assertThat(TelSource.fromToken("REACH-PEP")).contains(TelSource.REACH_PEP);
    }
}
