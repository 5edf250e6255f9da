package org.cusax.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.process.Waits;
import org.cusax.testbed.sip.SipTransport;
import org.cusax.testbed.xmpp.XmppProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testbed as a whole: one user on both servers, client configurations, clean shutdown. */
class TestbedTest {

    /** The single documented list of client configuration keys (owned by cusax-core). */
    private static final Path REFERENCE =
            Path.of("..", "cusax-core", "src", "main", "resources", "org", "cusax", "core", "config", "cusax.conf.reference");

    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension();

    @Test
    void aUserLogsInOnXmppAndRegistersOnSipWithTheSamePassword() {
        Testbed tb = TB.testbed();
        TestUser alice = tb.createUser("alice");

        assertThat(alice.jid()).isEqualTo("alice@cusax.test");
        assertThat(alice.toString()).doesNotContain(alice.password());
        assertThat(new XmppProbe(tb.prosody().host(), tb.prosody().c2sPort(), tb.domain(), tb.ca().sslContext())
                .login("alice", alice.password()).authenticated()).isTrue();
        assertThat(tb.kamailio().probe().register("alice", alice.password(), "sip:alice@127.0.0.1:5996", 60).status())
                .isEqualTo(200);
    }

    @Test
    void theFailureReportHasTheLogTailOfEachServer() {
        String tails = TB.testbed().serverLogTails(5);
        assertThat(tails).contains("prosody.log").contains("kamailio.log");
        assertThat(tails.indexOf("prosody.log")).isLessThan(tails.indexOf("kamailio.log"));
    }

    @Test
    void clientConfigUsesDocumentedKeysAndAPrivatePasswordFile() throws Exception {
        Testbed tb = TB.testbed();
        TestUser bob = tb.createUser("bob");

        Path conf = tb.writeClientConfig(bob, SipTransport.TLS);

        Map<String, String> keys = read(conf);
        assertThat(documentedKeys()).containsAll(keys.keySet());
        assertThat(keys).containsEntry("xmpp.jid", "bob@cusax.test")
                .containsEntry("xmpp.port", String.valueOf(tb.prosody().c2sPort()))
                .containsEntry("sip.aor", "sip:bob@cusax.test")
                .containsEntry("sip.proxy.port", String.valueOf(tb.kamailio().tlsPort()))
                .containsEntry("sip.transport", "tls")
                .containsEntry("tls.trust-store", tb.caCertificate().toString());
        Path password = Path.of(keys.get("sip.password-file"));
        assertThat(keys.get("xmpp.password-file")).isEqualTo(password.toString());
        assertThat(Files.readString(password).strip()).isEqualTo(bob.password());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
        assertThat(Files.readString(conf)).doesNotContain(bob.password());
    }

    @Test
    void mainPrintsOneJsonLineAndStopsEverythingWhenStdinCloses() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TestbedMain.class.getName(), "--users", "zed")
                .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String json = out.readLine();
            assertThat(json).startsWith("{\"runDir\":\"").contains("\"jid\":\"zed@cusax.test\"");
            Path runDir = Path.of(field(json, "runDir"));
            int c2s = Integer.parseInt(number(json, "port"));
            assertThat(Files.exists(runDir.resolve("zed.conf"))).isTrue();
            assertThat(Waits.tcpOpen("127.0.0.1", c2s)).isTrue();

            p.getOutputStream().close();

            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Waits.until(Duration.ofSeconds(5), () -> !Waits.tcpOpen("127.0.0.1", c2s))).isTrue();
            assertThat(runDir).doesNotExist();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void closeStopsTheServersAndRemovesTheRunDirectory() {
        Testbed tb = Testbed.start(TestbedOptions.defaults().withProsody(false));
        Path runDir = tb.runDir();
        int udp = tb.kamailio().udpPort();
        long pid = tb.kamailio().pid();

        tb.close();

        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(tb.kamailio().isRunning()).isFalse();
        assertThat(runDir).doesNotExist();
        assertThat(new org.cusax.testbed.sip.SipProbe("127.0.0.1", udp, "cusax.test")
                .timeout(Duration.ofMillis(600)).keepalive()).isEqualTo(408);
    }

    private static Map<String, String> read(Path conf) throws Exception {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : Files.readAllLines(conf)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                keys.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return keys;
    }

    private static Set<String> documentedKeys() throws Exception {
        Set<String> keys = new HashSet<>();
        for (String line : Files.readAllLines(REFERENCE)) {
            Matcher m = Pattern.compile("^([a-z0-9.-]+)\\s*=").matcher(line);
            if (m.find()) {
                keys.add(m.group(1));
            }
        }
        assertThat(keys).contains("sip.aor", "xmpp.jid");
        return keys;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":([0-9]+)").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }
}
