package org.cusax.xmpp.contacts.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.RawTel;
import org.cusax.xmpp.contacts.TelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache bound to its file ({@link ContactCache#at}) is read by its owner thread ({@link ContactCache#read}):
 * empty until then, read once, and never over tels put before the read.
 */
class ContactCacheTest {
    private static final Instant AT = Instant.parse("2025-01-31T10:00:00Z");
    @TempDir
    Path dir;

    private ContactCacheFile file() {
        return new ContactCacheFile(dir.resolve("contacts.xml"), "alice@example.com");
    }

    private void written(String jid, String number) throws Exception {
        ContactCache c = ContactCache.open(file(), new AddressNormalizer("FR"));
        c.put(jid, TelKind.VCARD_TEMP, List.of(RawTel.of(number, "CELL")), AT);
        c.save();
    }

    @Test
    void aBoundCacheIsEmptyUntilReadThenHoldsTheFile() throws Exception {
        written("bob@example.com", "06 12 34 56 78");
        ContactCache bound = ContactCache.at(file(), new AddressNormalizer("FR"));
        assertThat(bound.size()).isZero();
        bound.read();
        assertThat(bound.get("bob@example.com").flatMap(c -> c.get(TelKind.VCARD_TEMP)).orElseThrow().tels())
                .containsExactly(RawTel.of("06 12 34 56 78", "CELL"));
        assertThat(bound.forms(List.of(RawTel.of("06 12 34 56 78", "CELL")))).isPresent(); // no parse needed
        bound.read(); // a second read changes nothing
        assertThat(bound.size()).isEqualTo(1);
    }

    @Test
    void theFileNeverOverwritesTelsPutBeforeItWasRead() throws Exception {
        written("bob@example.com", "06 12 34 56 78");
        ContactCache bound = ContactCache.at(file(), new AddressNormalizer("FR"));
        bound.put("carol@example.com", TelKind.VCARD_TEMP, List.of(RawTel.of("+44 20 7946 0000")), AT);
        bound.read();
        assertThat(bound.get("bob@example.com")).isEmpty();
        assertThat(bound.get("carol@example.com")).isPresent();
    }

    /** What a roster load asks again (with the age limit as {@code since}): never fetched, or fetched before. */
    @Test
    void theVcardsNotFetchedSinceAMomentAreTheMissingAndTheOlderOnes() {
        ContactCache c = ContactCache.inMemory();
        c.put("bob@example.com", TelKind.VCARD_TEMP, List.of(RawTel.of("06 12 34 56 78", "CELL")), AT);
        c.put("bob@example.com", TelKind.VCARD4, List.of(), AT.minusSeconds(60));
        assertThat(c.notFetchedSince("bob@example.com", AT.minusSeconds(1))).containsExactly(TelKind.VCARD4);
        assertThat(c.notFetchedSince("bob@example.com", AT.minusSeconds(61))).isEmpty();
        assertThat(c.notFetchedSince("carol@example.com", AT)).containsExactlyInAnyOrder(TelKind.values());
        assertThat(c.tels("bob@example.com", TelKind.VCARD_TEMP)).contains(List.of(RawTel.of("06 12 34 56 78", "CELL")));
        assertThat(c.tels("carol@example.com", TelKind.VCARD_TEMP)).isEmpty();
    }
}
