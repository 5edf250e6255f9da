package org.cusax.sandbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ClientConfigLoader;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.event.EventBus;
import org.cusax.core.port.ChatPort;
import org.cusax.core.port.TelephonyPort;
import org.cusax.core.provisioning.ProvisioningDocument;
import org.cusax.sandbox.Sandbox;
import org.cusax.sandbox.SandboxOptions;
import org.cusax.sandbox.demo.DemoUser;
import org.cusax.sip.JainSipTelephonyPort;
import org.cusax.xmpp.SmackChatPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 7081 §2 on the sandbox: each demo user, with only user id and password, gets a provisioning
 * document over HTTPS (the sandbox CA, certificate checked for 127.0.0.1) from the sandbox's own
 * provisioning server; the document loads through the client's loader and the client it configures
 * gets both halves online on the sandbox's servers. A wrong password gets 401 and no document.
 */
class SandboxProvisioningIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Sandbox sandbox;
    private static HttpClient https;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        https = HttpClient.newBuilder().sslContext(trusting(sandbox.caCertificateFile()))
                .connectTimeout(WAIT).build();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theServerListensOnLoopbackOverHttps() {
        URI url = sandbox.provisioningUrl();
        assertThat(url.getScheme()).isEqualTo("https");
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(url.getPath()).isEqualTo("/cusax/v1/provisioning");
    }

    @Test
    void everyDemoUserIsProvisionedAndLogsInOnBothHalves() throws Exception {
        assertThat(sandbox.users()).extracting(DemoUser::name).containsExactly("demo", "alice", "bob");
        for (DemoUser user : sandbox.users()) {
            HttpResponse<String> answer = post(user.jid(), user.password());
            assertThat(answer.statusCode()).as(user.name()).isEqualTo(200);
            ProvisioningDocument document = ProvisioningDocument.parse(sandbox.provisioningUrl(), answer.body());
            assertThat(document.values()).containsEntry("xmpp.jid", user.jid())
                    .containsEntry("xmpp.port", Integer.toString(sandbox.xmpp().port()))
                    .containsEntry("sip.aor", user.sipAor())
                    .containsEntry("sip.proxy.port", Integer.toString(sandbox.sip().tlsPort()))
                    .containsEntry("sip.transport", "tls")
                    .containsEntry("provisioning.url", sandbox.provisioningUrl().toString());
            assertThat(document.values().keySet()).as("no password in the document").noneMatch(k -> k.contains("password"));

            Path passwordFile = Files.writeString(dir.resolve(user.name() + ".password"), user.password());
            Map<String, String> local = new LinkedHashMap<>();
            local.put("xmpp.password-file", passwordFile.toString());
            local.put("sip.password-file", passwordFile.toString());
            local.put("tls.trust-store", sandbox.caCertificateFile().toString());
            local.put("history.dir", dir.resolve("history").toString());
            ClientConfig config = document.validate(new ClientConfigLoader(Map.of(), dir), local);
            try (CusaxClient client = client(config)) {
                client.start();
                assertThat(client.awaitSettled(WAIT).halves()).as(user.name()).allSatisfy(h -> {
                    assertThat(h.state()).isEqualTo(ConnectionState.ONLINE);
                    assertThat(h.security().encrypted()).isTrue();
                });
            }
        }
    }

    @Test
    void aWrongPasswordGetsNoDocument() throws Exception {
        HttpResponse<String> answer = post("demo@" + sandbox.domain(), "not-the-password");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain("xmpp.");
    }

    private static HttpResponse<String> post(String user, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return https.send(HttpRequest.newBuilder(sandbox.provisioningUrl()).timeout(WAIT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static SSLContext trusting(Path caPem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            trust.setCertificateEntry("sandbox-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static CusaxClient client(ClientConfig config) {
        Optional<ChatPort> chat = config.link().chat().map(a -> new SmackChatPort(a, config.xmpp(), config.reconnect(),
                config.contacts(), config.link().telephony().map(t -> t.address())));
        Optional<TelephonyPort> tel = config.link().telephony().map(a -> new JainSipTelephonyPort(a, config.sip(),
                config.reconnect(), config.link().linkedJid()));
        return new CusaxClient(config.link(), chat, tel, new EventBus(),
                new ContactBook(new AddressNormalizer(config.contacts().defaultRegion())),
                config.contacts().telPreference());
    }
}
