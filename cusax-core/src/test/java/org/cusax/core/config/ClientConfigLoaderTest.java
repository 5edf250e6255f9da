package org.cusax.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.cusax.core.account.Account;
import org.cusax.core.account.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cusax.conf format: defaults from the reference, typed values, clear errors. */
class ClientConfigLoaderTest {
    @TempDir
    Path dir;

    private ClientConfig load(String text, Map<String, String> env) {
        return new ClientConfigLoader(env, dir).load(ConfigFile.parse("test.conf", text));
    }

    @Test
    void minimalConfigGetsDocumentedDefaults() {
        ClientConfig c = load("""
                xmpp.jid = alice@cusax.test
                sip.aor = sip:alice@cusax.test
                """, Map.of("CUSAX_XMPP_PASSWORD", "x-secret", "CUSAX_SIP_PASSWORD", "s-secret"));
        Account xmpp = c.link().chat().orElseThrow();
        Account sip = c.link().telephony().orElseThrow();
        assertThat(c.link().linked()).isTrue();
        assertThat(c.link().linkedJid()).contains("alice@cusax.test");
        assertThat(xmpp.server().host()).isEqualTo("cusax.test");
        assertThat(xmpp.server().port()).isEqualTo(5222);
        assertThat(xmpp.password().reveal()).isEqualTo("x-secret");
        assertThat(xmpp.features().calling()).isFalse();
        assertThat(xmpp.features().imAndPresence()).isTrue();
        assertThat(sip.server().transport()).isEqualTo(Transport.TLS);
        assertThat(sip.server().port()).isEqualTo(5061);
        assertThat(sip.security().requireTls()).isTrue();
        assertThat(xmpp.security().requireTls()).isTrue();
        assertThat(sip.authUser()).isEqualTo("alice");
        assertThat(sip.features().calling()).isTrue();
        assertThat(sip.features().imAndPresence()).isFalse();
        assertThat(c.sip().digestAlgorithms()).containsExactly("SHA-256", "MD5");
        assertThat(c.sip().registerExpires()).isEqualTo(Duration.ofSeconds(600));
        assertThat(c.sip().ringTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.sip().ackTimeout()).isEqualTo(Duration.ofSeconds(32));
        assertThat(c.xmpp().allowPlainSasl()).isFalse();
        assertThat(c.contacts().cacheDir()).contains(dir.resolve(".cache/cusax"));
        assertThat(c.contacts().requestsInFlight()).isEqualTo(1000);
        assertThat(c.contacts().defaultRegion()).matches("[A-Z]{2}");
    }

    @Test
    void contactSettings() {
        ClientConfig c = load("""
                xmpp.jid = a@b
                xmpp.password = p
                contacts.default-region = fr
                contacts.tel-preference = home, work
                contacts.cache-dir =
                """, Map.of());
        assertThat(c.contacts().defaultRegion()).isEqualTo("FR");
        assertThat(c.contacts().telPreference().toConfig()).startsWith("home,work");
        assertThat(c.contacts().cacheDir()).isEmpty();
        assertThatThrownBy(() -> load("xmpp.jid = a@b\nxmpp.password = p\ncontacts.tel-preference = fax\n", Map.of()))
                .hasMessageContaining("contacts.tel-preference");
    }

    @Test
    void passwordFileWinsAndTildeExpands() throws Exception {
        Files.writeString(dir.resolve("xmpp.pw"), "from-file\n");
        ClientConfig c = load("""
                xmpp.jid = alice@cusax.test
                xmpp.password-file = ~/xmpp.pw
                xmpp.password = inline
                """, Map.of("CUSAX_XMPP_PASSWORD", "from-env"));
        assertThat(c.link().chat().orElseThrow().password().reveal()).isEqualTo("from-file");
        assertThat(c.link().telephony()).isEmpty();
    }

    @Test
    void explicitServerAndTransport() {
        ClientConfig c = load("""
                sip.aor = sips:bob@example.org
                sip.password = pw
                sip.proxy.host = 127.0.0.1
                sip.proxy.port = 15060
                sip.transport = udp
                sip.register.expires = 5m
                sip.keepalive.interval = 500ms
                sip.call.ring-timeout = 25s
                sip.call.ack-timeout = 4s
                tls.min-version = TLSv1.3
                """, Map.of());
        Account sip = c.link().telephony().orElseThrow();
        assertThat(sip.address()).isEqualTo("sips:bob@example.org");
        assertThat(sip.domain()).isEqualTo("example.org");
        assertThat(sip.server().toString()).isEqualTo("127.0.0.1:15060;transport=udp");
        assertThat(sip.security().enabledTlsVersions()).containsExactly("TLSv1.3");
        assertThat(sip.security().requireTls()).as("udp chosen explicitly").isFalse();
        assertThat(c.sip().registerExpires()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.sip().keepaliveInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.sip().ringTimeout()).isEqualTo(Duration.ofSeconds(25));
        assertThat(c.sip().ackTimeout()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void unknownKeyIsAnErrorWithLineAndSuggestion() {
        assertThatThrownBy(() -> load("xmpp.jid = a@b\nxmpp.pasword = x\n", Map.of()))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("test.conf:2")
                .hasMessageContaining("did you mean 'xmpp.password'");
    }

    @Test
    void theTlsListenerIdentityIsACertificateAndKeyTogether() {
        ClientConfig c = load("sip.aor = sip:a@b\nsip.password = p\nsip.tls.listener-certificate = /etc/l.pem\n"
                + "sip.tls.listener-key = /etc/l.key\n", Map.of());
        assertThat(c.sip().listenerCertificate()).contains(java.nio.file.Path.of("/etc/l.pem"));
        assertThat(c.sip().listenerKey()).contains(java.nio.file.Path.of("/etc/l.key"));
        assertThat(load("sip.aor = sip:a@b\nsip.password = p\n", Map.of()).sip().listenerCertificate()).isEmpty();
        assertThatThrownBy(() -> load("sip.aor = sip:a@b\nsip.password = p\nsip.tls.listener-certificate = /l.pem\n",
                Map.of())).isInstanceOf(ConfigError.class).hasMessageContaining("sip.tls.listener-key");
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> load("sip.aor = sip:a@b\nsip.password = p\nsip.transport = sctp\n", Map.of()))
                .hasMessageContaining("sip.transport").hasMessageContaining("sctp");
        assertThatThrownBy(() -> load("xmpp.jid = a@b\nxmpp.password = p\nxmpp.connect-timeout = soon\n", Map.of()))
                .hasMessageContaining("xmpp.connect-timeout");
        assertThatThrownBy(() -> load("xmpp.jid = nobody\nxmpp.password = p\n", Map.of()))
                .hasMessageContaining("not a bare JID");
        assertThatThrownBy(() -> load("sip.aor = sip:a@b\nsip.password = p\nsip.digest.algorithms = SHA-1\n", Map.of()))
                .hasMessageContaining("SHA-1");
        assertThatThrownBy(() -> load("# nothing\n", Map.of())).hasMessageContaining("nothing to log in to");
    }

    @Test
    void missingPasswordSaysWhereItLookedButNeverShowsSecrets() {
        assertThatThrownBy(() -> load("xmpp.jid = a@b\n", Map.of("OTHER", "x")))
                .hasMessageContaining("CUSAX_XMPP_PASSWORD");
        assertThatThrownBy(() -> load("xmpp.jid = a@b\nxmpp.password = topsecret\nxmpp.port = 99999\n", Map.of()))
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void everyReferenceKeyIsReadByTheLoader() {
        // Each documented key must be consumed somewhere: set all of them and check the config still loads.
        StringBuilder all = new StringBuilder();
        ConfigFile.defaults().forEach((k, v) -> all.append(k).append(" = ").append(v).append('\n'));
        String text = all.toString().replace("xmpp.jid = \n", "xmpp.jid = a@b\n")
                .replace("xmpp.password = \n", "xmpp.password = p\n");
        ClientConfig c = load(text, Map.of());
        assertThat(c.link().chat()).isPresent();
        assertThat(ConfigFile.defaults()).containsKeys("xmpp.jid", "sip.aor", "reconnect.jitter", "sip.call-info");
    }
}
