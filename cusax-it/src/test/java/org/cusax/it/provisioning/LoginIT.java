package org.cusax.it.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.junit.TestbedExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * RFC 7081 §2 client bootstrap with only a user id and password: {@code cusax login} discovers the
 * provisioning server through a real DNS server on loopback (dnsmasq: {@code _cusax-provisioning._tcp}
 * SRV), fetches the document over HTTPS (certificate and host name checked), keeps it, and
 * {@code cusax status} then brings both halves online, secured, on real Prosody and Kamailio. Also:
 * re-provisioning by version (304 keeps, a new version replaces), the refusals (plain HTTP, wrong host,
 * 401, 429, unknown key), TLS on one half flagged, and a domain with only XMPP SRV and SIP NAPTR/SRV.
 */
class LoginIT {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path dir;
    private static String domain;
    private static TestUser alice;
    private static Path password;
    private static Path wrongPassword;
    private static ProvisioningTestServer prov;
    private static ProvisioningTestServer wrongHost;
    private static LoopbackDns provisioningDns;
    private static LoopbackDns serviceRecordsDns;
    private static LoginCli cli;
    private static WellKnownTestServer wellKnown;
    private static LoopbackDns noRecordsDns;
    private static LoginCli wellKnownCli;
    private static int logins;

    @BeforeAll
    static void start() throws Exception {
        Testbed tb = TB.testbed();
        domain = tb.domain();
        dir = Files.createDirectories(tb.runDir().resolve("login-it"));
        alice = tb.createUser("alice");
        password = Files.writeString(dir.resolve("alice.pw"), alice.password() + "\n");
        wrongPassword = Files.writeString(dir.resolve("wrong.pw"), "not-" + alice.password() + "\n");
        prov = ProvisioningTestServer.start(tb.ca().issue("prov", List.of("prov." + domain), List.of()),
                tb.caCertificate(), dir).user(alice.name(), alice.password());
        wrongHost = ProvisioningTestServer.start(tb.wrongHostCertificate(), tb.caCertificate(), dir)
                .user(alice.name(), alice.password());
        provisioningDns = LoopbackDns.start(dir, "provisioning", domain, List.of(
                "--srv-host=_cusax-provisioning._tcp." + domain + ",prov." + domain + "," + prov.port() + ",0,0"));
        serviceRecordsDns = LoopbackDns.start(dir, "records", domain, List.of(
                "--srv-host=_xmpp-client._tcp." + domain + ",xmpp." + domain + "," + tb.prosody().c2sPort() + ",0,0",
                "--naptr-record=" + domain + ",10,10,S,SIP+D2U,,_sip._udp." + domain,
                "--naptr-record=" + domain + ",20,10,S,SIPS+D2T,,_sips._tcp." + domain,
                "--srv-host=_sip._udp." + domain + ",sip." + domain + "," + tb.kamailio().udpPort() + ",0,0",
                "--srv-host=_sips._tcp." + domain + ",sip." + domain + "," + tb.kamailio().tlsPort() + ",0,0"));
        cli = new LoginCli(dir.resolve("home"), domain);
        wellKnown = WellKnownTestServer.start(tb.ca().issue("origin", List.of(domain), List.of()), tb.caCertificate(),
                dir, java.net.URI.create("https://prov." + domain + ":" + prov.port() + ProvisioningTestServer.PATH));
        noRecordsDns = LoopbackDns.start(dir, "no-records", domain, List.of());
        wellKnownCli = new LoginCli(dir.resolve("home-well-known"), domain, wellKnown.address());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {provisioningDns, serviceRecordsDns, prov, wrongHost, wellKnown,
                noRecordsDns}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort: the next one still stops
            }
        }
    }

    @BeforeEach
    void serveTheGoodDocument() {
        prov.throttled(false).serve("1", user -> document("tls", TB.testbed().kamailio().tlsPort()));
    }

    private static String document(String sipTransport, int sipPort) {
        return "# provisioning document for alice\n"
                + "provisioning.version = 1\n"
                + "provisioning.url = https://prov." + domain + ":" + prov.port() + ProvisioningTestServer.PATH + "\n"
                + "xmpp.jid = " + alice.jid() + "\n"
                + "xmpp.host = xmpp." + domain + "\n"
                + "xmpp.port = " + TB.testbed().prosody().c2sPort() + "\n"
                + "sip.aor = " + alice.sipAor() + "\n"
                + "sip.proxy.host = sip." + domain + "\n"
                + "sip.proxy.port = " + sipPort + "\n"
                + "sip.transport = " + sipTransport + "\n"
                + "service.policy.chat-after-telephony = true\n"
                + "service.policy.all-or-nothing = true\n";
    }

    private static Path newConfig() {
        return dir.resolve("home/login-" + (++logins) + ".conf");
    }

    private static LoginCli.Result login(Path config, Path passwordFile, String dns, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("login", alice.jid(), "-c", config.toString(),
                "--dns-server", dns, "--trust-store", TB.testbed().caCertificate().toString(),
                "--password-file", passwordFile.toString(), "--timeout", "5s"));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    private static void assertBothOnlineAndSecured(Path config) throws Exception {
        assertBothOnlineAndSecured(cli, config);
    }

    private static void assertBothOnlineAndSecured(LoginCli cli, Path config) throws Exception {
        LoginCli.Result status = cli.run("status", "-c", config.toString(), "--json");
        assertThat(status.exit()).as(status.toString()).isZero();
        JsonNode json = JSON.readTree(status.out());
        for (String half : List.of("chat", "telephony")) {
            assertThat(json.path(half).path("state").asText()).as(half + "\n" + status).isEqualTo("online");
            assertThat(json.path(half).path("security").path("encrypted").asBoolean()).as(half).isTrue();
            assertThat(json.path(half).path("security").path("verifiedFor").asText()).isEqualTo(domain);
        }
    }

    @Test
    void loginDiscoversTheProvisioningServerBySrvKeepsTheDocumentAndBothHalvesComeOnline() throws Exception {
        Path config = newConfig();
        LoginCli.Result login = login(config, password, provisioningDns.server(), "--json");
        assertThat(login.exit()).as(login.toString()).isZero();
        JsonNode json = JSON.readTree(login.out());
        assertThat(json.path("source").asText()).isEqualTo("provisioning");
        assertThat(json.path("version").asText()).isEqualTo("1");
        assertThat(json.path("securityParity").path("matched").asBoolean()).isTrue();
        assertThat(json.path("steps").toString()).contains("DNS SRV _cusax-provisioning._tcp." + domain + " -> https://prov."
                + domain + ":" + prov.port());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        assertThat(Files.readString(config)).doesNotContain(alice.password()).contains("provisioning.version = 1");
        Path passwordFile = config.resolveSibling(config.getFileName().toString().replace(".conf", ".password"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThat(prov.requests()).allSatisfy(r -> assertThat(r.query()).as("nothing in the URL").isNull());

        int before = prov.requests().size();
        assertBothOnlineAndSecured(config);
        ProvisioningTestServer.Request check = prov.requests().get(before);
        assertThat(check.version()).as("the kept version is sent on start").isEqualTo("1");
        assertThat(Files.readString(config)).contains("provisioning.version = 1");

        prov.serve("2", user -> document("tls", TB.testbed().kamailio().tlsPort()).replace("provisioning.version = 1",
                "provisioning.version = 2") + "contacts.default-region = FR\n");
        LoginCli.Result status = cli.run("status", "-c", config.toString());
        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.err()).contains("version 2 replaces 1").contains("contacts.default-region: set to FR");
        assertThat(Files.readString(config)).contains("provisioning.version = 2").contains("contacts.default-region = FR");
    }

    /**
     * Discovery step 2 (docs/provisioning.md): no {@code _cusax-provisioning._tcp} SRV in the real DNS
     * server, so the client asks the domain's own HTTPS origin, {@code https://DOMAIN/.well-known/cusax-provisioning}
     * (RFC 8615; certificate checked for DOMAIN, no credentials sent there), which names the provisioning server.
     */
    @Test
    void loginFindsTheProvisioningServerThroughTheDomainsWellKnownUrl() throws Exception {
        Path config = dir.resolve("home-well-known/login.conf");
        int posts = prov.requests().size();
        LoginCli.Result login = wellKnownCli.run("login", alice.jid(), "-c", config.toString(),
                "--dns-server", noRecordsDns.server(), "--trust-store", TB.testbed().caCertificate().toString(),
                "--password-file", password.toString(), "--timeout", "5s", "--json");
        assertThat(login.exit()).as(login.toString()).isZero();
        JsonNode json = JSON.readTree(login.out());
        assertThat(json.path("source").asText()).isEqualTo("provisioning");
        assertThat(json.path("steps").toString()).as(login.toString())
                .contains("DNS SRV _cusax-provisioning._tcp." + domain + ": none")
                .contains("https://" + domain + "/.well-known/cusax-provisioning -> https://prov." + domain + ":"
                        + prov.port() + ProvisioningTestServer.PATH);
        assertThat(wellKnown.requests()).isEqualTo(1);
        assertThat(prov.requests()).hasSize(posts + 1);
        assertThat(prov.requests().get(posts).passwordInBody()).isTrue();
        assertBothOnlineAndSecured(wellKnownCli, config);
    }

    @Test
    void allOrNothingKeepsChatDownWhenTelephonyIsRefusedAndSaysSo() throws Exception {
        TestUser bob = TB.testbed().createUser("bob");
        // alice's password does not open bob's SIP account: Telephony fails, so Chat must not stay up
        prov.serve("1", user -> document("tls", TB.testbed().kamailio().tlsPort()).replace("sip.aor = " + alice.sipAor(),
                "sip.aor = " + bob.sipAor()));
        Path config = newConfig();
        assertThat(login(config, password, provisioningDns.server()).exit()).isZero();
        LoginCli.Result status = cli.run("status", "-c", config.toString(), "--json");
        assertThat(status.exit()).as(status.toString()).isEqualTo(4);
        JsonNode json = JSON.readTree(status.out());
        assertThat(json.path("telephony").path("state").asText()).as(status.toString()).isEqualTo("failed");
        assertThat(json.path("telephony").path("reason").path("kind").asText()).isEqualTo("authentication");
        assertThat(json.path("chat").path("state").asText()).isEqualTo("failed");
        assertThat(json.path("chat").path("reason").path("message").asText())
                .contains("the service policy is all or nothing").contains("Telephony failed").contains("401");
    }

    /**
     * Discovery step 4: the real DNS server has no record for the domain (no provisioning SRV, no XMPP SRV,
     * no SIP NAPTR/SRV) and the domain serves no well-known URL: a clear message naming the settings to
     * write by hand, exit 3, nothing kept.
     */
    @Test
    void nothingFoundAsksForManualSettings() throws Exception {
        Path config = newConfig();
        LoginCli.Result r = login(config, password, noRecordsDns.server());
        assertThat(r.exit()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("no provisioning server and no service records found for '" + alice.jid())
                .contains("xmpp.host").contains("sip.proxy.host").contains("--provisioning-url");
        assertThat(config).doesNotExist();
    }

    @Test
    void aPlainHttpProvisioningUrlIsRefusedBeforeAnythingIsSent() throws Exception {
        int before = prov.requests().size();
        LoginCli.Result r = login(newConfig(), password, provisioningDns.server(), "--provisioning-url",
                "http://prov." + domain + ":" + prov.port() + ProvisioningTestServer.PATH);
        assertThat(r.exit()).as(r.toString()).isEqualTo(11);
        assertThat(r.err()).contains("refused http://").contains("https:// only");
        assertThat(prov.requests()).hasSize(before);
    }

    @Test
    void aCertificateForAnotherHostIsRefusedWithTheReason() throws Exception {
        LoginCli.Result r = login(newConfig(), password, provisioningDns.server(), "--provisioning-url",
                "https://prov." + domain + ":" + wrongHost.port() + ProvisioningTestServer.PATH);
        assertThat(r.exit()).as(r.toString()).isEqualTo(11);
        assertThat(r.err()).contains("the certificate of prov." + domain + " was refused")
                .contains("prov." + domain);
        assertThat(wrongHost.requests()).isEmpty();
    }

    @Test
    void aWrongPasswordIsAClearError() throws Exception {
        Path config = newConfig();
        LoginCli.Result r = login(config, wrongPassword, provisioningDns.server());
        assertThat(r.exit()).as(r.toString()).isEqualTo(10);
        assertThat(r.err()).contains("wrong user id or password");
        assertThat(config).doesNotExist();
    }

    @Test
    void throttlingSaysWhenToRetry() throws Exception {
        prov.throttled(true);
        LoginCli.Result r = login(newConfig(), password, provisioningDns.server(), "--json");
        assertThat(r.exit()).as(r.toString()).isEqualTo(10);
        assertThat(r.err()).contains("try again in 30 s");
        assertThat(JSON.readTree(r.out()).path("error").path("retryAfterSeconds").asInt()).isEqualTo(30);
    }

    @Test
    void aDocumentWithAnUnknownKeyIsRejectedNamingTheKey() throws Exception {
        prov.serve("1", user -> document("tls", TB.testbed().kamailio().tlsPort()) + "sip.transprot = tls\n");
        Path config = newConfig();
        LoginCli.Result r = login(config, password, provisioningDns.server());
        assertThat(r.exit()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("unknown key 'sip.transprot'").contains("did you mean 'sip.transport'");
        assertThat(config).doesNotExist();
    }

    @Test
    void tlsOnOneHalfOnlyIsFlagged() throws Exception {
        prov.serve("1", user -> document("udp", TB.testbed().kamailio().udpPort()));
        LoginCli.Result r = login(newConfig(), password, provisioningDns.server());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("WARNING: TLS on one half only")
                .contains("Telephony is configured without encryption");

        // the same when a new version brings it at the next start
        serveTheGoodDocument();
        Path config = newConfig();
        assertThat(login(config, password, provisioningDns.server()).exit()).isZero();
        prov.serve("2", user -> document("udp", TB.testbed().kamailio().udpPort())
                .replace("provisioning.version = 1", "provisioning.version = 2"));
        LoginCli.Result status = cli.run("status", "-c", config.toString());
        assertThat(status.err()).as(status.toString()).contains("version 2 replaces 1")
                .contains("sip.transport: tls -> udp").contains("WARNING: TLS on one half only");
        // and once connected, the security guard (security.profile = matched by default, RFC 7081 §7) keeps
        // the weaker half down and says how to raise it
        assertThat(status.out()).contains("WARNING: Telephony uses SIP over UDP (unencrypted")
                .contains("Telephony is kept offline: set sip.transport = tls");
    }

    @Test
    void aDomainWithOnlyServiceRecordsIsConfiguredFromSrvAndNaptrAndComesOnline() throws Exception {
        Path config = newConfig();
        LoginCli.Result login = login(config, password, serviceRecordsDns.server());
        assertThat(login.exit()).as(login.toString()).isZero();
        assertThat(login.out()).contains("DNS SRV _cusax-provisioning._tcp." + domain + ": none")
                .contains("DNS NAPTR " + domain + ": SIPS+D2T -> _sips._tcp." + domain)
                .contains("built from the DNS records of " + domain);
        assertThat(Files.readString(config)).contains("sip.transport = tls").contains("sip.proxy.port = "
                + TB.testbed().kamailio().tlsPort()).doesNotContain("provisioning.url");
        assertBothOnlineAndSecured(config);
    }
}
