package org.cusax.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cusax.core.account.Secret;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kept document is re-provisioned when its version changes: the held version is sent, 304 keeps it. */
class ReprovisioningTest {
    @TempDir
    Path dir;
    private Path config;
    private final List<Optional<String>> versionsSent = new ArrayList<>();
    private final ClientConfigLoader loader = new ClientConfigLoader(Map.of(), Path.of("/nonexistent-home"));

    @BeforeEach
    void keepVersion7() throws Exception {
        config = dir.resolve("cusax.conf");
        Path password = dir.resolve("cusax.password");
        PrivateFiles.writePassword(password, Secret.of("s3cret"));
        Map<String, String> local = new LinkedHashMap<>();
        local.put("provisioning.user", "alice@example.com");
        local.put("provisioning.password-file", password.toString());
        local.put("xmpp.password-file", password.toString());
        local.put("sip.password-file", password.toString());
        ProvisioningDocument doc = ProvisioningDocument.parse(ProvisioningDocumentTest.FROM, ProvisioningDocumentTest.DOCUMENT);
        new KeptConfig(local, doc.values()).write(config, KeptConfig.header("test"));
    }

    private ProvisioningFetcher serving(Optional<String> body) {
        return (url, user, password, version) -> {
            assertThat(user).isEqualTo("alice@example.com");
            assertThat(password.reveal()).isEqualTo("s3cret");
            versionsSent.add(version);
            return body.map(text -> new ProvisioningFetcher.FetchedDocument(url, text));
        };
    }

    private ClientConfig load() {
        return loader.load(ConfigFile.read(config));
    }

    @Test
    void theKeptFileIsPrivateAndLoadsAsAConfig() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        assertThat(Files.readString(config)).doesNotContain("s3cret");
        assertThat(load().link().chat().orElseThrow().password().reveal()).isEqualTo("s3cret");
    }

    @Test
    void notModifiedKeepsTheFile() throws Exception {
        String before = Files.readString(config);
        Reprovisioning.Outcome outcome = new Reprovisioning(serving(Optional.empty()), loader)
                .refresh(config, load().provisioning());
        assertThat(versionsSent).containsExactly(Optional.of("7"));
        assertThat(outcome.result()).isEqualTo(Reprovisioning.Result.KEPT);
        assertThat(Files.readString(config)).isEqualTo(before);
    }

    @Test
    void aNewVersionReplacesTheProvisionedKeysKeepsLocalOnesAndReportsChanges() throws Exception {
        String v8 = ProvisioningDocumentTest.DOCUMENT.replace("version = 7", "version = 8")
                .replace("sip.proxy.host = sip.example.com", "sip.proxy.host = sip2.example.com")
                .replace("service.policy.all-or-nothing = false\n", "");
        Reprovisioning.Outcome outcome = new Reprovisioning(serving(Optional.of(v8)), loader)
                .refresh(config, load().provisioning());
        assertThat(outcome.result()).isEqualTo(Reprovisioning.Result.REPLACED);
        assertThat(outcome.changes()).containsExactly("provisioning.version: 7 -> 8",
                "service.policy.all-or-nothing: removed (was false)",
                "sip.proxy.host: sip.example.com -> sip2.example.com");
        ClientConfig now = load();
        assertThat(now.provisioning().version()).contains("8");
        assertThat(now.link().telephony().orElseThrow().server().host()).isEqualTo("sip2.example.com");
        assertThat(now.provisioning().user()).contains("alice@example.com");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
    }

    @Test
    void anInvalidNewDocumentKeepsTheOldOneAndSaysWhy() throws Exception {
        String before = Files.readString(config);
        Reprovisioning.Outcome outcome = new Reprovisioning(serving(Optional.of("provisioning.version = 9\nbogus.key = 1\n")),
                loader).refresh(config, load().provisioning());
        assertThat(outcome.result()).isEqualTo(Reprovisioning.Result.FAILED);
        assertThat(outcome.problem().orElseThrow()).contains("unknown key 'bogus.key'");
        assertThat(Files.readString(config)).isEqualTo(before);
    }

    @Test
    void aServerErrorKeepsTheOldOne() throws Exception {
        ProvisioningFetcher down = (url, user, password, version) -> {
            throw new ProvisioningException(ProvisioningException.Kind.UNREACHABLE, "connection refused by " + url.getHost());
        };
        Reprovisioning.Outcome outcome = new Reprovisioning(down, loader).refresh(config, load().provisioning());
        assertThat(outcome.result()).isEqualTo(Reprovisioning.Result.FAILED);
        assertThat(outcome.problem().orElseThrow()).contains("connection refused");
        assertThat(load().provisioning().version()).contains("7");
    }
}
