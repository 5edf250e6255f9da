package org.cusax.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets (Jazzer) for number and URI normalization: whatever a vCard TEL, a reachability address or a
 * SIP caller ID holds. In the normal build each target runs over its seed corpus
 * ({@code AddressNormalizerFuzzTestInputs/<method>/}); with {@code JAZZER_FUZZ=1} it fuzzes (docs/testing.md).
 */
class AddressNormalizerFuzzTest {
    private static final AddressNormalizer FR = new AddressNormalizer("FR");

    /**
     * Never throws; a canonical form is a fixed point (normalizing it again gives it back) and carries nothing
     * that could end or split a SIP header or an XML text: no control character, space, quote or angle bracket.
     */
    @FuzzTest(maxDuration = "60s")
    void normalizedFormsAreStableAndSafe(byte[] input) {
        String raw = new String(input, StandardCharsets.UTF_8);
        NormalizedAddress n = FR.normalize(raw);
        FR.display(raw);
        if (n.parseable()) {
            String canonical = n.normalized().orElseThrow();
            assertHeaderSafe(canonical);
            NormalizedAddress again = FR.normalize(canonical);
            assertThat(again.normalized()).as("normalize(%s)", canonical).contains(canonical);
            assertThat(again.keys()).isEqualTo(n.keys());
        }
    }

    /** RFC 3261 §19.1: parsing never throws, and the canonical form parses to itself. */
    @FuzzTest(maxDuration = "60s")
    void sipUrisRoundTrip(byte[] input) {
        String raw = new String(input, StandardCharsets.UTF_8);
        Optional<SipUri> uri = SipUri.parse(raw);
        if (uri.isPresent()) {
            String canonical = uri.get().canonical();
            assertHeaderSafe(canonical);
            Optional<SipUri> again = SipUri.parse(canonical);
            assertThat(again).as("parse(%s)", canonical).isPresent();
            assertThat(again.get().canonical()).isEqualTo(canonical);
            assertThat(again.get().identityKey()).isEqualTo(uri.get().identityKey());
        }
    }

    static void assertHeaderSafe(String canonical) {
        for (char c : canonical.toCharArray()) {
            assertThat(c < 0x21 || c == 0x7f || c == '<' || c == '>' || c == '"')
                    .as("character U+%04X in canonical form '%s'", (int) c, canonical).isFalse();
        }
    }
}
