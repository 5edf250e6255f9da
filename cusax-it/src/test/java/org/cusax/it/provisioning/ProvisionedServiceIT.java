package org.cusax.it.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cusax.app.assembly.CusaxAssembly;
import org.cusax.app.cli.CusaxCli;
import org.cusax.it.support.Await;
import org.cusax.it.support.ContactSeeder;
import org.cusax.it.support.StockVCardProvider;
import org.cusax.it.support.XmppPeer;
import org.cusax.media.audio.Pcm;
import org.cusax.media.audio.SignalAnalysis;
import org.cusax.media.audio.WavFileSource;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.kamailio.DigestAlgorithm;
import org.cusax.testbed.pki.CertificateFiles;
import org.cusax.testbed.postgres.LocalPostgres;
import org.cusax.testbed.process.FreePorts;
import org.cusax.testbed.prosody.ProsodyServer;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 12 end to end, both halves of the provider kit together (RFC 7081 §2 client bootstrap): users added
 * with the real {@code cusax admin} (in-process {@code CusaxCli}) into the directory on a real PostgreSQL; real Kamailio and Prosody
 * authenticate from it; the real provisioning server ({@code cusax admin serve}, child JVM, certificate
 * from the run's CA) is named by SRV in a real DNS server (dnsmasq); {@code cusax login} with only a user
 * id and a password brings both halves online and secured, the contacts show the directory's numbers (a user's own TEL edit with Smack is
 * restored, the nickname edit stays), and
 * two provisioned users call each other. Also: wrong password, throttling across two server instances on
 * the one directory while another user signs in, password change and removal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisionedServiceIT {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults()
            .withDigestAlgorithm(DigestAlgorithm.SHA_256));
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private String domain;
    private LocalPostgres pg;
    private String jdbc;
    private LoginCli cli;
    private LoginCli.Background server;
    private int provPort;
    private LoginCli.Background server2;
    private int provPort2;
    private LoopbackDns dns;
    private HttpClient https;

    @BeforeAll
    void startTheProvider() throws Exception {
        Testbed tb = TB.testbed();
        domain = tb.domain();
        dir = Files.createDirectories(tb.runDir().resolve("provisioned-service-it"));
        pg = LocalPostgres.start();
        jdbc = pg.createDatabase("cusax");
        cli = new LoginCli(dir.resolve("home"), domain);
        // the directory's schema comes with the first admin command (Flyway), before the servers read it
        admin("user", "add", "alice@" + domain, "--name", "Alice Liddell", "--password-file", passwordFile("alice-pw"));
        admin("user", "add", "bob@" + domain, "--name", "Bob Builder", "--password-file", passwordFile("bob-pw"));
        admin("user", "set-tel", "alice@" + domain, "--tel", "mobile:+33 6 12 34 56 78", "--tel", "work:+33 1 84 88 00 12");
        tb.kamailio().useDirectory(jdbc.replace("jdbc:postgresql://", "postgres://" + pg.user() + "@"));
        tb.kamailio().restart();
        ProsodyServer prosody = tb.prosody();
        prosody.useDirectory(new ProsodyServer.Directory("127.0.0.1", pg.port(), "cusax", pg.user()));
        prosody.restart();

        CertificateFiles cert = tb.ca().issue("prov", List.of("prov." + domain), List.of("127.0.0.1"));
        provPort = FreePorts.next();
        server = serve("admin-serve", provPort, cert);
        // a second instance on the same directory (issue 12 item 7): it keeps no state of its own
        provPort2 = FreePorts.next();
        server2 = serve("admin-serve-2", provPort2, cert);
        dns = LoopbackDns.start(dir, "provider", domain, List.of(
                "--srv-host=_cusax-provisioning._tcp." + domain + ",prov." + domain + "," + provPort + ",0,0"));
        https = HttpClient.newBuilder().sslContext(tb.ca().sslContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    void stop() throws Exception {
        try (LocalPostgres p = pg; LoopbackDns d = dns; LoginCli.Background s = server; LoginCli.Background s2 = server2) {
            // closed in reverse order, each even when another fails
        }
    }

    /** {@code cusax admin serve} (child JVM) on {@code port}, once it listens. */
    private LoginCli.Background serve(String name, int port, CertificateFiles cert) throws Exception {
        ProsodyServer prosody = TB.testbed().prosody();
        LoginCli.Background started = cli.start(name, "admin", "serve", "--db", jdbc, "--db-user", pg.user(),
                "--domain", domain, "--port", String.valueOf(port), "--tls-cert", cert.certificate().toString(),
                "--tls-key", cert.privateKey().toString(), "--xmpp-host", "xmpp." + domain,
                "--xmpp-port", String.valueOf(prosody.c2sPort()), "--sip-host", "sip." + domain,
                "--sip-port", String.valueOf(TB.testbed().kamailio().tlsPort()), "--sip-transport", "tls",
                "--chat-after-telephony", "--all-or-nothing");
        Await.until(name + " listens", Duration.ofSeconds(30), () -> {
            assertThat(started.process().isAlive()).as(started.text()).isTrue();
            return started.text().contains("Running");
        });
        return started;
    }

    private String passwordFile(String password) throws Exception {
        Path f = Files.createTempFile(dir, "pw", ".txt");
        Files.writeString(f, password + "\n");
        return f.toString();
    }

    private void admin(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("admin"));
        all.addAll(List.of(args));
        all.addAll(List.of("--db", jdbc, "--db-user", pg.user()));
        // in-process (the same CusaxCli as the cusax command): an admin needs no host names resolved
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = new CusaxCli(new CusaxAssembly(), java.util.Map.of(), dir.resolve("home"), print, print)
                .execute(all.toArray(String[]::new));
        assertThat(exit).as("cusax " + String.join(" ", all) + "\n" + out.toString(StandardCharsets.UTF_8)).isZero();
    }

    private LoginCli.Result login(String user, String password, Path config) throws Exception {
        return cli.run("login", user + "@" + domain, "-c", config.toString(), "--dns-server", "127.0.0.1:" + dnsPort(),
                "--trust-store", TB.testbed().caCertificate().toString(), "--password-file", passwordFile(password),
                "--timeout", "5s");
    }

    private String dnsPort() {
        return dns.server().substring(dns.server().indexOf(':') + 1);
    }

    private Path config(String name) {
        return dir.resolve("home/" + name + ".conf");
    }

    private JsonNode statusOnlineAndSecured(Path config) throws Exception {
        LoginCli.Result status = cli.run("status", "-c", config.toString(), "--json");
        assertThat(status.exit()).as(status.toString()).isZero();
        JsonNode json = JSON.readTree(status.out());
        for (String half : List.of("chat", "telephony")) {
            assertThat(json.path(half).path("state").asText()).as(half + "\n" + status).isEqualTo("online");
            assertThat(json.path(half).path("security").path("encrypted").asBoolean()).as(half).isTrue();
            assertThat(json.path(half).path("security").path("verifiedFor").asText()).isEqualTo(domain);
        }
        return json;
    }

    /** One POST of wire contract v1, as any HTTPS client sends it, to the first instance. */
    private HttpResponse<String> post(String user, String password) throws Exception {
        return post(provPort, user, password);
    }

    /** The same to the instance on {@code port}. */
    private HttpResponse<String> post(int port, String user, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + ProvisioningTestServer.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int register(String user, String password) {
        return TB.testbed().kamailio().probe().register(user, password, "sip:" + user + "@127.0.0.1:45998", 60).status();
    }

    private boolean xmppAccepts(String user, String password) throws Exception {
        try {
            XmppPeer.connect(TB.testbed(), new TestUser(user, domain, password), "check").disconnect();
            return true;
        } catch (SASLErrorException refused) {
            return false;
        }
    }

    @Test
    void adminAddThenLoginWithIdAndPasswordBringsBothHalvesOnlineWithDirectoryNumbersAndACall() throws Exception {
        Path bob = config("bob");
        LoginCli.Result login = login("bob", "bob-pw", bob);
        assertThat(login.exit()).as(login.toString()).isZero();
        assertThat(login.out()).contains("DNS SRV _cusax-provisioning._tcp." + domain);
        assertThat(Files.readString(bob)).doesNotContain("bob-pw").contains("provisioning.version = ")
                .contains("service.policy.all-or-nothing = true");
        statusOnlineAndSecured(bob);

        // bob and alice are contacts (their own Smack clients, authenticated by SCRAM from the directory)
        Roster.setDefaultSubscriptionMode(Roster.SubscriptionMode.accept_all);
        TestUser a = new TestUser("alice", domain, "alice-pw");
        TestUser b = new TestUser("bob", domain, "bob-pw");
        XMPPTCPConnection ac = XmppPeer.connect(TB.testbed(), a, "seed");
        XMPPTCPConnection bc = XmppPeer.connect(TB.testbed(), b, "seed");
        try (StockVCardProvider stock = StockVCardProvider.install()) {
            ContactSeeder.befriend(bc, b, ac, a, "Alice");
            // alice edits her own vCard with a stock library: the nickname stays, the TEL is the directory's
            VCard own = VCardManager.getInstanceFor(ac).loadVCard();
            own.setNickName("Ali");
            own.setPhoneWork("VOICE", "+1 555 0100");
            VCardManager.getInstanceFor(ac).saveVCard(own);
            VCard seen = VCardManager.getInstanceFor(bc).loadVCard(JidCreate.entityBareFrom(a.jid()));
            assertThat(seen.getNickName()).isEqualTo("Ali");
            assertThat(seen.getPhoneWork("VOICE")).as(seen.toXML().toString()).isEqualTo("+33 1 84 88 00 12");
        } finally {
            ac.disconnect();
            bc.disconnect();
        }
        LoginCli.Result roster = cli.run("roster", "--json", "-c", bob.toString());
        assertThat(roster.exit()).as(roster.toString()).isZero();
        JsonNode alice = null;
        for (JsonNode c : JSON.readTree(roster.out()).path("contacts")) {
            if (c.path("jid").asText().equals("alice@" + domain)) {
                alice = c;
            }
        }
        assertThat(alice).as(roster.toString()).isNotNull();
        assertThat(alice.path("tels").findValuesAsText("normalized")).as(alice.toString())
                .contains("tel:+33612345678", "tel:+33184880012").doesNotContain("tel:+15550100");

        // a call between two provisioned users
        Path aliceConf = config("alice");
        assertThat(login("alice", "alice-pw", aliceConf).exit()).isZero();
        Path recordings = Files.createDirectories(dir.resolve("alice-recordings"));
        try (LoginCli.Background listen = cli.start("alice-listen", "listen", "--json", "-c", aliceConf.toString(),
                "--answer", "auto", "--record-dir", recordings.toString(), "--for", "60s")) {
            Await.until("alice registered", Duration.ofSeconds(30), () -> {
                assertThat(listen.process().isAlive()).as(listen.text()).isTrue();
                return !TB.testbed().kamailio().registeredContacts("alice").isEmpty();
            });
            LoginCli.Result call = cli.run("call", "--json", "-c", bob.toString(), "sip:alice@" + domain,
                    "--tone", "1000", "--hangup-after", "2", "--timeout", "20s");
            assertThat(call.exit()).as(call.toString()).isZero();
            assertThat(call.out()).containsSubsequence("\"call-answered\"", "\"call-ended\"");
            Await.until("alice answered and saw the end", Duration.ofSeconds(20),
                    () -> listen.text().contains("\"call-ended\""));
        }
        Path heard;
        try (Stream<Path> files = Files.list(recordings)) {
            heard = files.filter(f -> f.toString().endsWith(".wav")).findFirst().orElseThrow();
        }
        short[] pcm = WavFileSource.readAll(heard);
        assertThat(SignalAnalysis.dominantFrequency(pcm, Pcm.SAMPLE_RATE)).as("bob's tone as alice heard it")
                .isBetween(980.0, 1020.0);
    }

    @Test
    void aWrongPasswordIsRefusedAndTwentyWrongTriesThrottleWhileOthersSignIn() throws Exception {
        admin("user", "add", "carol@" + domain, "--name", "Carol", "--password-file", passwordFile("carol-pw"));
        LoginCli.Result wrong = login("carol", "not-carol-pw", config("carol-wrong"));
        assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(10);
        assertThat(wrong.err()).contains("wrong user id or password");
        assertThat(config("carol-wrong")).doesNotExist();

        // 20 wrong tries in a bounded loop, alternating between the two instances on the one directory:
        // with the wrong sign-in above, the first four make five failures, each checked and refused (401),
        // then the user is throttled (429 + Retry-After);
        // a try during the delay is not checked and not counted (docs/provisioning.md, "Throttling")
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(post(i % 2 == 0 ? provPort : provPort2, "carol", "guess-" + i).statusCode());
        }
        assertThat(statuses.subList(0, 4)).as(statuses.toString()).containsOnly(401);
        assertThat(statuses.subList(4, 20)).as(statuses.toString()).contains(429).isSubsetOf(401, 429);
        assertThat(statuses).as("throttled at the end")
                .endsWith(429);
        // each counted failure doubles the delay (docs/provisioning.md): wait until it outlasts a sign-in
        Await.until("carol's delay outlasts a sign-in", Duration.ofSeconds(30), () -> {
            try {
                HttpResponse<String> r = post("carol", "guess");
                return r.statusCode() == 429 && Integer.parseInt(r.headers().firstValue("Retry-After").orElse("0")) >= 8;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        LoginCli.Result throttled = login("carol", "carol-pw", config("carol"));
        assertThat(throttled.exit()).as(throttled.toString()).isEqualTo(10);
        assertThat(throttled.err()).contains("try again");
        HttpResponse<String> onTheOther = post(provPort2, "carol", "carol-pw");
        assertThat(onTheOther.statusCode()).as("the right password on the second instance").isEqualTo(429);
        assertThat(onTheOther.headers().firstValue("Retry-After")).isPresent();

        assertThat(post(provPort2, "alice", "alice-pw").statusCode()).as("alice on the second instance meanwhile")
                .isEqualTo(200);
        LoginCli.Result other = login("alice", "alice-pw", config("alice-meanwhile"));
        assertThat(other.exit()).as("alice signs in meanwhile\n" + other).isZero();
    }

    @Test
    void aPasswordChangeHoldsOnBothHalvesAndARemovedUserIsOutEverywhere() throws Exception {
        admin("user", "add", "dave@" + domain, "--name", "Dave", "--password-file", passwordFile("dave-old"));
        Path kept = config("dave");
        assertThat(login("dave", "dave-old", kept).exit()).isZero();

        admin("user", "passwd", "dave@" + domain, "--password-file", passwordFile("dave-new"));
        assertThat(register("dave", "dave-old")).isEqualTo(401);
        assertThat(xmppAccepts("dave", "dave-old")).isFalse();
        assertThat(register("dave", "dave-new")).isEqualTo(200);
        assertThat(xmppAccepts("dave", "dave-new")).isTrue();
        LoginCli.Result old = login("dave", "dave-old", config("dave-old"));
        assertThat(old.exit()).as(old.toString()).isEqualTo(10);
        assertRefusedByBothHalves(kept);
        Path fresh = config("dave-new");
        assertThat(login("dave", "dave-new", fresh).exit()).isZero();
        statusOnlineAndSecured(fresh);

        admin("user", "remove", "dave@" + domain);
        LoginCli.Result removed = login("dave", "dave-new", config("dave-removed"));
        assertThat(removed.exit()).as(removed.toString()).isEqualTo(10);
        assertThat(removed.err()).contains("wrong user id or password");
        assertThat(register("dave", "dave-new")).isEqualTo(401);
        assertThatThrownBy(() -> XmppPeer.connect(TB.testbed(), new TestUser("dave", domain, "dave-new"), "check"))
                .isInstanceOf(SASLErrorException.class);
        assertRefusedByBothHalves(fresh);
    }

    /**
     * A config kept from an earlier login whose password the directory no longer accepts: the provisioning
     * server refuses the re-check (the old document is kept and the reason said), Telephony is refused by
     * Kamailio and, the policy being all or nothing, Chat stays down.
     */
    private void assertRefusedByBothHalves(Path kept) throws Exception {
        LoginCli.Result status = cli.run("status", "-c", kept.toString(), "--json");
        assertThat(status.exit()).as(status.toString()).isEqualTo(4);
        assertThat(status.err()).contains("could not check for a newer one").contains("wrong user id or password");
        JsonNode json = JSON.readTree(status.out());
        assertThat(json.path("telephony").path("reason").path("kind").asText()).as(status.toString())
                .isEqualTo("authentication");
        assertThat(json.path("chat").path("state").asText()).isEqualTo("failed");
    }
}
