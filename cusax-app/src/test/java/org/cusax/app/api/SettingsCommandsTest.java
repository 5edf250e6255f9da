package org.cusax.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ConfigFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings a user changes from a window: CUSAX §3 feature switches, RFC 7081 §4 "on the phone", §5 Call-Info
 * privacy — applied in the session where they can be, and written to the user's config file.
 */
class SettingsCommandsTest {
    private final ApiFixture f = new ApiFixture();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        f.close();
    }

    private Path register(String text) throws Exception {
        Path conf = Files.writeString(dir.resolve("user.conf"), "xmpp.jid = alice@cusax.test\nsip.aor = sip:alice@cusax.test\n" + text);
        ClientConfig config = new ClientConfigLoader(Map.of("CUSAX_XMPP_PASSWORD", "x", "CUSAX_SIP_PASSWORD", "s"), dir)
                .load(ConfigFile.read(conf));
        new SettingsCommands(f.client, config, Optional.of(conf)).registerIn(f.registry);
        return conf;
    }

    @Test
    void theSwitchesShowTheConfiguredValuesAndWhenTheyApply() throws Exception {
        register("sip.call-info = false\n");

        Map<?, ?> data = (Map<?, ?>) f.run("settings", Map.of()).data();
        List<?> list = (List<?>) data.get("settings");
        assertThat(data.get("file")).isEqualTo(dir.resolve("user.conf").toString());
        assertThat(list).extracting(s -> ((Map<?, ?>) s).get("key") + "=" + ((Map<?, ?>) s).get("value") + "@"
                + ((Map<?, ?>) s).get("applies")).containsExactly("presence.on-the-phone=true@now", "sip.call-info=false@now",
                "xmpp.features.calling=false@now", "xmpp.features.im-presence=true@now",
                "sip.features.calling=true@now", "sip.features.im-presence=false@now");
    }

    @Test
    void callInfoTakesEffectInTheSessionAndIsWrittenToTheConfig() throws Exception {
        Path conf = register("sip.call-info = true\n");

        ApiResponse r = f.run("setting", Map.of("key", "sip.call-info", "value", false));

        assertThat(r.data()).isEqualTo(Map.of("key", "sip.call-info", "value", false, "applies", "now", "persisted", true));
        assertThat(f.telephony.callInfoSwitches()).containsExactly(false);
        assertThat(ConfigFile.read(conf).get("sip.call-info")).isEqualTo("false");
        assertThat(Files.readString(conf)).startsWith("xmpp.jid = alice@cusax.test\n");
    }

    /** CUSAX §3: a feature switch goes to the running session at once (no restart) and into the config file. */
    @Test
    void aFeatureSwitchTakesEffectInTheSessionAndIsWritten() throws Exception {
        Path conf = register("");

        ApiResponse r = f.run("setting", Map.of("key", "xmpp.features.calling", "value", true));
        assertThat(r.data()).isEqualTo(Map.of("key", "xmpp.features.calling", "value", true, "applies", "now",
                "persisted", true));
        assertThat(ConfigFile.read(conf).get("xmpp.features.calling")).isEqualTo("true");
        assertThat(f.run("setting", Map.of("key", "xmpp.features.im-presence", "value", false)).ok()).isTrue();
        assertThat(org.cusax.core.testing.Eventually.holds(() -> f.chat.featureChanges().size() == 2,
                java.time.Duration.ofSeconds(5))).as("the XMPP half told: %s", f.chat.featureChanges()).isTrue();
        assertThat(f.chat.featureChanges()).containsExactly(new org.cusax.core.account.Features(true, true),
                new org.cusax.core.account.Features(true, false));

        assertThat(f.run("setting", Map.of("key", "xmpp.features.calling", "value", false)).ok()).isTrue();
        f.online();
        assertThat(f.run("call", Map.of("target", "bob@cusax.test", "dryRun", true)).ok()).isTrue();
        assertThat(f.run("setting", Map.of("key", "sip.features.calling", "value", false)).ok()).isTrue();
        assertThat(f.telephony.actions()).contains("features calling=false im=false");
        ApiResponse refused = f.run("call", Map.of("target", "bob@cusax.test", "number", "1"));
        assertThat(refused.error().orElseThrow().code()).as("the next call is refused at once").isEqualTo(ErrorCode.NO_ROUTE);
        assertThat(refused.error().orElseThrow().details()).containsEntry("reason", "calling-disabled");
        assertThat(f.telephony.placedCalls()).isEmpty();
        assertThat(f.telephony.callInfoSwitches()).isEmpty();
    }

    @Test
    void unknownSwitchesAndNonBooleansAreRefusedAndNothingIsWritten() throws Exception {
        Path conf = register("");
        String before = Files.readString(conf);

        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("key", "xmpp.password-file", "value", true),
                Map.of("key", "sip.call-info", "value", "no"), Map.of("key", "sip.call-info"))) {
            ApiResponse r = f.run("setting", bad);
            assertThat(r.ok()).as(bad.toString()).isFalse();
            assertThat(r.error().orElseThrow().code()).isEqualTo(ErrorCode.BAD_REQUEST);
        }
        assertThat(Files.readString(conf)).isEqualTo(before);
    }
}
