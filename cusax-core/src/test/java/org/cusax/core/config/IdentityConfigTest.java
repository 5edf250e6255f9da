package org.cusax.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.cusax.core.contact.Availability;
import org.cusax.core.contact.Presence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys of caller identity (RFC 3325 trusted proxy, RFC 6993 Call-Info), "on the phone" presence and history. */
class IdentityConfigTest {
    private static final Map<String, String> ENV = Map.of("CUSAX_XMPP_PASSWORD", "x", "CUSAX_SIP_PASSWORD", "s");

    @TempDir
    Path home;

    private ClientConfig load(String extra) {
        return new ClientConfigLoader(ENV, home).load(ConfigFile.parse("test.conf",
                "xmpp.jid = alice@cusax.test\nsip.aor = sip:alice@cusax.test\n" + extra));
    }

    @Test
    void defaults() {
        ClientConfig c = load("");
        assertThat(c.sip().sendCallInfo()).isTrue();
        assertThat(c.sip().trustedProxy()).isEmpty();
        assertThat(c.presence()).isEqualTo(PresenceSettings.defaults());
        assertThat(c.presence().onThePhonePresence()).isEqualTo(new Presence(Availability.AWAY, "On the phone"));
        assertThat(c.presence().busyWhenOnPhone()).isFalse();
        assertThat(c.history().dir()).contains(home.resolve(".local/share/cusax/history"));
    }

    @Test
    void everythingSet() {
        ClientConfig c = load("""
                sip.call-info = false
                sip.trusted-proxy = proxy.cusax.test
                presence.on-the-phone.show = dnd
                presence.on-the-phone.status = In a call
                presence.busy-when-on-phone = true
                history.dir =
                """);
        assertThat(c.sip().sendCallInfo()).isFalse();
        assertThat(c.sip().trustedProxy()).isEqualTo("proxy.cusax.test");
        assertThat(c.presence().onThePhonePresence()).isEqualTo(new Presence(Availability.DND, "In a call"));
        assertThat(c.presence().busyWhenOnPhone()).isTrue();
        assertThat(c.history().dir()).isEmpty();
    }

    @Test
    void anOfflineOrUnknownShowIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> load("presence.on-the-phone.show = unavailable\n"))
                .isInstanceOf(ConfigError.class).hasMessageContaining("presence.on-the-phone.show");
        assertThatThrownBy(() -> load("presence.on-the-phone.show = busy\n"))
                .isInstanceOf(ConfigError.class).hasMessageContaining("'busy'");
    }
}
