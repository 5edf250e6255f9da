package org.cusax.xmpp.contacts.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cusax.core.contact.RawTel;
import org.cusax.xmpp.contacts.TelKind;
import org.cusax.xmpp.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-account tel cache on disk: write → read, atomic replacement, private files, corrupt or foreign files. */
class ContactCacheFileTest {
    private static final Instant AT = Instant.parse("2025-01-31T10:00:00Z");
    @TempDir
    Path dir;

    private static CachedContact bob() {
        return CachedContact.empty("bob@example.com").withPhoto(Optional.of("abc123"))
                .with(TelKind.VCARD_TEMP, new CachedContact.Fetched(List.of(RawTel.of("+33 6 12 34 56 78", "CELL", "VOICE"),
                        RawTel.of("sip:bob@example.com"), RawTel.of("a 'quoted' <odd> & \"number\"")), AT))
                .with(TelKind.VCARD4, new CachedContact.Fetched(List.of(), AT.plusSeconds(1)));
    }

    @Test
    void writeThenReadGivesTheSameContacts() throws Exception {
        ContactCacheFile file = new ContactCacheFile(dir.resolve("acct/contacts.xml"), "alice@example.com");
        CachedContact carol = CachedContact.empty("carol@example.com")
                .with(TelKind.VCARD_TEMP, new CachedContact.Fetched(List.of(), AT));
        file.write(List.of(bob(), carol));

        Map<String, CachedContact> read = file.read();
        assertThat(read).containsOnlyKeys("bob@example.com", "carol@example.com");
        assertThat(read.get("bob@example.com")).isEqualTo(bob());
        assertThat(read.get("carol@example.com")).isEqualTo(carol);
        assertThat(read.get("carol@example.com").get(TelKind.VCARD4)).isEmpty();
        try (var listing = Files.list(file.file().getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("contacts.xml"); // no temp left
        }
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file.file()))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.getPosixFilePermissions(file.file().getParent())).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        }
    }

    @Test
    void corruptOrForeignFilesAreIgnoredWithAWarning() throws Exception {
        Path path = dir.resolve("contacts.xml");
        ContactCacheFile file = new ContactCacheFile(path, "alice@example.com");
        try (LogCapture logs = new LogCapture()) {
            Files.writeString(path, "<contacts xmlns='urn:cusax:contact-cache:1' account='alice@example.com'><contact");
            assertThat(file.read()).isEmpty();
            Files.writeString(path, "\u0000\u0001 garbage");
            assertThat(file.read()).isEmpty();
            new ContactCacheFile(path, "mallory@example.com").write(List.of(bob()));
            assertThat(file.read()).isEmpty();
            Files.writeString(path, "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><contacts>&e;</contacts>");
            assertThat(file.read()).isEmpty();
            assertThat(logs.lines()).filteredOn(l -> l.startsWith("ignoring the unreadable contact cache")).hasSize(4);
        }
        assertThat(new ContactCacheFile(dir.resolve("missing.xml"), "alice@example.com").read()).isEmpty();
    }

    @Test
    void accountDirectoryNamesCannotEscape() {
        assertThat(AccountCacheDir.of(dir, "Alice@Example.com")).isEqualTo(dir.resolve("xmpp-alice@example.com"));
        assertThat(AccountCacheDir.of(dir, "../x/y@example.com").getFileName().toString())
                .isEqualTo("xmpp-%2E.%2Fx%2Fy@example.com");
        assertThat(AccountCacheDir.of(dir, "../x@e").getParent()).isEqualTo(dir);
    }
}
