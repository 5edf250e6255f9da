package org.cusax.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cusax.core.contact.AddressKind;
import org.cusax.core.contact.TelAddress;
import org.cusax.core.contact.TelSource;
import org.cusax.core.contact.TelType;
import org.junit.jupiter.api.Test;

/**
 * The one-line contact listings name each number once: a provider that fills both vCards (XEP-0054 and
 * XEP-0292) of a user gives the same number from two sources, which the listing cannot tell apart.
 */
class DistinctTelsTest {
    private static TelAddress tel(String uri, TelSource source, String normalized) {
        return new TelAddress(uri, normalized == null ? AddressKind.UNPARSEABLE : AddressKind.TEL_URI,
                Set.of(TelType.CELL), source, Optional.ofNullable(normalized));
    }

    @Test
    void theSameNumberFromVcardTempAndVcard4IsListedOnceAsTheFirstSourceGaveIt() {
        TelAddress temp = tel("+33 6 98 76 54 32", TelSource.VCARD_TEMP, "tel:+33698765432");
        TelAddress v4 = tel("tel:+33-6-98-76-54-32", TelSource.VCARD4, "tel:+33698765432");
        TelAddress other = tel("tel:+33184880012", TelSource.VCARD4, "tel:+33184880012");

        assertThat(DistinctTels.of(List.of(temp, v4, other), t -> t.normalized().orElseThrow()))
                .containsExactly(temp, other);
    }

    @Test
    void theRemoteListingOfTheDaemonShowsTheNumberOnceTooAndKeepsDifferentUnparseableTexts() {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("jid", "bob@cusax.test");
        contact.put("name", "Bob Durand");
        contact.put("presence", Map.of("availability", "available"));
        contact.put("callable", true);
        contact.put("tels", List.of(
                Map.of("type", "Mobile", "uri", "+33 6 98 76 54 32", "normalized", "tel:+33698765432", "callable", true),
                Map.of("type", "Mobile", "uri", "tel:+33-6-98-76-54-32", "normalized", "tel:+33698765432",
                        "callable", true),
                Map.of("type", "Other", "uri", "call me", "callable", false),
                Map.of("type", "Other", "uri", "ask Alice", "callable", false)));

        String line = RemoteFormat.contact(contact);

        assertThat(line).containsOnlyOnce("tel:+33698765432").contains("Other call me (not callable)")
                .contains("Other ask Alice (not callable)");
    }
}
