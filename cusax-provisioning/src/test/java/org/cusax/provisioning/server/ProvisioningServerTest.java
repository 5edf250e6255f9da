package org.cusax.provisioning.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.config.ServicePolicy;
import org.cusax.core.config.ConfigFile;
import org.cusax.provisioning.directory.PhoneNumber;
import org.cusax.provisioning.directory.UserId;
import org.cusax.provisioning.support.MutableClock;
import org.cusax.provisioning.support.ProvisioningFixture;
import org.cusax.provisioning.support.TestCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The provisioning wire contract v1 over real HTTPS (docs/provisioning.md), RFC 7081 §2 provisioning. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisioningServerTest {
    @TempDir
    static Path dir;
    private TestCertificate cert;
    private ProvisioningFixture fx;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeAll
    void start() throws Exception {
        cert = TestCertificate.create(dir);
        fx = new ProvisioningFixture("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", clock,
                ServerTls.pem(cert.certPem(), cert.keyPem()), cert);
        fx.directory.add(new UserId("alice", "example.test"), "Alice Liddell", "", List.of(
                PhoneNumber.parse("mobile:+33 6 12 34 56 78")), "alice-pw".toCharArray());
        fx.directory.add(new UserId("bob", "example.test"), "Bob", "", List.of(), "bob-pw".toCharArray());
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void documentHoldsBothAccountsAndPolicyAndNoPassword() throws Exception {
        HttpResponse<String> r = fx.post(ProvisioningKeys.PATH, Map.of("username", "alice", "password", "alice-pw"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain").contains("utf-8");
        String body = r.body();
        assertThat(body).doesNotContain("alice-pw").doesNotContain("password");
        Map<String, String> keys = keys(body);
        assertThat(keys).containsEntry(ProvisioningKeys.KEY_CHAT_AFTER_TELEPHONY, "true")
                .containsEntry(ProvisioningKeys.KEY_ALL_OR_NOTHING, "false")
                .containsEntry(ProvisioningKeys.KEY_URL, fx.uri(ProvisioningKeys.PATH).toString())
                .containsEntry(ProvisioningKeys.KEY_VERSION, r.headers().firstValue(ProvisioningKeys.VERSION_HEADER).orElseThrow());
        // the whole document, provisioning.* and service.policy.* included, is a cusax.conf the client's loader accepts
        ClientConfig config = new ClientConfigLoader(Map.of("CUSAX_SIP_PASSWORD", "x", "CUSAX_XMPP_PASSWORD", "x"),
                dir).load(ConfigFile.parse("provisioned", body));
        assertThat(config.provisioning().url()).contains(fx.uri(ProvisioningKeys.PATH).toString());
        assertThat(config.provisioning().version()).contains(keys.get(ProvisioningKeys.KEY_VERSION));
        assertThat(config.policy()).isEqualTo(new ServicePolicy(true, false));
        assertThat(config.link().linked()).isTrue();
        assertThat(config.link().chat().orElseThrow().address()).isEqualTo("alice@example.test");
        assertThat(config.link().telephony().orElseThrow().address()).isEqualTo("sip:alice@example.test");
        assertThat(config.link().telephony().orElseThrow().authUser()).isEqualTo("alice");
        assertThat(keys).containsEntry("sip.transport", "tls").containsEntry("sip.proxy.host", "sip.example.test")
                .containsEntry("xmpp.host", "xmpp.example.test").containsEntry("sip.auth-user", "alice")
                .containsEntry("sip.display-name", "Alice Liddell").containsEntry("xmpp.features.calling", "false");
    }

    @Test
    void currentVersionGives304AndFullIdWorksToo() throws Exception {
        String version = fx.post(ProvisioningKeys.PATH, Map.of("username", "bob", "password", "bob-pw")).headers()
                .firstValue(ProvisioningKeys.VERSION_HEADER).orElseThrow();
        HttpResponse<String> r = fx.post(ProvisioningKeys.PATH,
                Map.of("username", "bob@example.test", "password", "bob-pw", "version", version));
        assertThat(r.statusCode()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
        assertThat(fx.post(ProvisioningKeys.PATH, Map.of("username", "bob", "password", "bob-pw", "version", "old"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401() throws Exception {
        HttpResponse<String> wrong = fx.post(ProvisioningKeys.PATH, Map.of("username", "carol", "password", "nope"));
        fx.directory.add(new UserId("carol", "example.test"), "Carol", "", List.of(), "carol-pw".toCharArray());
        HttpResponse<String> wrongPassword = fx.post(ProvisioningKeys.PATH, Map.of("username", "carol", "password", "x"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(wrong.body()).isEqualTo("wrong user id or password\n");
        assertThat(fx.audit).anyMatch(l -> l.contains("user=\"carol\"") && l.contains("outcome=rejected"))
                .noneMatch(l -> l.contains("nope") || l.contains("carol-pw") || l.contains("alice-pw"));
    }

    @Test
    void credentialsNeverInTheUrlAndMalformedRequestsAre400() throws Exception {
        HttpResponse<String> get = fx.send(HttpRequest.newBuilder(fx.uri(ProvisioningKeys.PATH)).GET().build());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(fx.post(ProvisioningKeys.PATH + "?username=alice&password=alice-pw", Map.of()).statusCode())
                .isEqualTo(400);
        assertThat(fx.post(ProvisioningKeys.PATH, Map.of("username", "alice")).statusCode()).isEqualTo(400);
        HttpResponse<String> json = fx.send(HttpRequest.newBuilder(fx.uri(ProvisioningKeys.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\"}")).build());
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).contains("application/x-www-form-urlencoded");
    }

    @Test
    void plainHttpIsNotServed() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fx.server.port() + ProvisioningKeys.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=alice-pw")).build();
        HttpResponse<String> r;
        try {
            r = plain.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException refused) {
            return; // the TLS listener hangs up on plain HTTP: nothing answered
        }
        // Jetty answers plain HTTP on a TLS port with a bare 400: never the document, never a redirect
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("xmpp.jid");
        assertThat(r.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void jitsiDesktopGetsItsAccountProperties() throws Exception {
        HttpResponse<String> r = fx.post(ProvisioningKeys.JITSI_PATH + "?uuid=1234&osname=Linux&hwaddr=00:11:22",
                Map.of("username", "alice", "password", "alice-pw", "uuid", "x"));
        assertThat(r.statusCode()).isEqualTo(200);
        Properties p = new Properties();
        p.load(new StringReader(r.body()));
        String[] prefixes = p.getProperty("provisioning.ALLOW_PREFIX").split("\\|");
        assertThat(prefixes).hasSize(2);
        assertThat(prefixes[0]).startsWith(JitsiDocument.SIP_PREFIX + "acc");
        assertThat(prefixes[1]).startsWith(JitsiDocument.JABBER_PREFIX + "acc");
        assertThat(p.stringPropertyNames()).allMatch(k -> k.equals("provisioning.ALLOW_PREFIX")
                || k.startsWith(prefixes[0]) || k.startsWith(prefixes[1]));
        assertThat(p.getProperty(prefixes[0] + ".ACCOUNT_UID")).isEqualTo("SIP:alice@example.test");
        assertThat(p.getProperty(prefixes[0] + ".PREFERRED_TRANSPORT")).isEqualTo("TLS");
        assertThat(p.getProperty(prefixes[0] + ".PROXY_ADDRESS")).isEqualTo("sip.example.test");
        assertThat(p.getProperty(prefixes[0] + ".cusax.XMPP_ACCOUNT_ID")).isEqualTo("Jabber:alice@example.test");
        assertThat(p.getProperty(prefixes[1] + ".USER_ID")).isEqualTo("alice@example.test");
        assertThat(p.getProperty(prefixes[1] + ".CALLING_DISABLED")).isEqualTo("true");
        assertThat(fx.post(ProvisioningKeys.JITSI_PATH, Map.of("username", "alice", "password", "bad")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void pkcs12KeystoreServesToo() throws Exception {
        assertThat(ServerTls.pkcs12(cert.pkcs12(), cert.pkcs12Password())).isNotNull();
        assertThatThrownBy(() -> ServerTls.pkcs12(cert.pkcs12(), "wrong".toCharArray()))
                .hasMessageContaining("cannot read PKCS#12").hasMessageNotContaining("changeit");
    }

    @Test
    void databaseOutageIs503WithoutDetails() throws Exception {
        try (ProvisioningFixture broken = new ProvisioningFixture("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "", clock, ServerTls.pem(cert.certPem(), cert.keyPem()), cert)) {
            broken.database.close();
            HttpResponse<String> r = broken.post(ProvisioningKeys.PATH, Map.of("username", "alice", "password", "alice-pw"));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("provisioning is temporarily unavailable\n");
        }
    }

    static Map<String, String> keys(String body) {
        return body.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toMap(
                l -> l.substring(0, l.indexOf('=')).strip(), l -> l.substring(l.indexOf('=') + 1).strip()));
    }
}
