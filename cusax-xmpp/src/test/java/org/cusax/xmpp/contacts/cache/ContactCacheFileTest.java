package org.cusax.xmpp.contacts.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cusax.core.contact.AddressKind;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.IndexKeys;
import org.cusax.core.contact.NormalizedAddress;
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
    void normalizedFormsAreWrittenNextToTheRawTelsUnderTheirRules() throws Exception {
        ContactCacheFile file = new ContactCacheFile(dir.resolve("contacts.xml"), "alice@example.com");
        AddressNormalizer fr = new AddressNormalizer("FR");
        Map<String, NormalizedAddress> forms = new HashMap<>();
        for (RawTel t : bob().get(TelKind.VCARD_TEMP).orElseThrow().tels()) {
            forms.put(t.address(), fr.normalize(t.address()));
        }
        file.write(List.of(bob()), new NormalizedForms(Optional.of(fr.rules()), forms));

        CacheContents read = file.load();
        assertThat(read.contacts().get("bob@example.com")).isEqualTo(bob());
        assertThat(read.forms().madeUnder(AddressNormalizer.rules("FR"))).isTrue();
        assertThat(read.forms().madeUnder(new AddressNormalizer("US").rules())).isFalse();
        assertThat(read.forms().byAddress()).isEqualTo(forms); // the unparseable one included
        assertThat(read.forms().of("+33 6 12 34 56 78").orElseThrow().keys().keys())
                .containsExactly("tel:+33612345678");
    }

    @Test
    void aFormXmlCannotCarryIsLeftOutAndTheRestKept() throws Exception {
        ContactCacheFile file = new ContactCacheFile(dir.resolve("contacts.xml"), "alice@example.com");
        String odd = "sip:a\u0001b@example.com";
        CachedContact carol = CachedContact.empty("carol@example.com").with(TelKind.VCARD_TEMP,
                new CachedContact.Fetched(List.of(RawTel.of("sip:a%01b@example.com"),
                        RawTel.of("+33 6 12 34 56 78")), AT));
        Map<String, NormalizedAddress> forms = Map.of(
                "sip:a%01b@example.com", NormalizedAddress.of(AddressKind.SIP_URI, odd, IndexKeys.of(odd)),
                "+33 6 12 34 56 78", new AddressNormalizer("FR").normalize("+33 6 12 34 56 78"));
        file.write(List.of(carol), new NormalizedForms(Optional.of(AddressNormalizer.rules("FR")), forms));

        CacheContents read = file.load();
        assertThat(read.contacts().get("carol@example.com")).isEqualTo(carol);
        assertThat(read.forms().byAddress()).containsOnlyKeys("+33 6 12 34 56 78");
    }

    @Test
    void aFileWithAForgedFormIsIgnoredAsAWhole() throws Exception {
        Path path = dir.resolve("contacts.xml");
        ContactCacheFile file = new ContactCacheFile(path, "alice@example.com");
        String head = "<contacts xmlns='urn:cusax:contact-cache:2' account='alice@example.com' rules='FR;1'>"
                + "<contact jid='bob@example.com'><vcard kind='vcard-temp' fetched='2025-01-31T10:00:00Z'>";
        try (LogCapture logs = new LogCapture()) {
            Files.writeString(path, head + "<tel address='1' as='number' normalized='tel:+1'><key>http://x</key>"
                    + "</tel></vcard></contact></contacts>");
            assertThat(file.load().contacts()).isEmpty();
            Files.writeString(path, head + "<tel address='1' as='number' normalized='tel:+1'/>"
                    + "</vcard></contact></contacts>");
            assertThat(file.load().contacts()).isEmpty(); // parseable without keys
            Files.writeString(path, head + "<tel address='1' as='martian'/></vcard></contact></contacts>");
            assertThat(file.load().contacts()).isEmpty();
            assertThat(logs.lines()).filteredOn(l -> l.startsWith("ignoring the unreadable contact cache")).hasSize(3);
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
