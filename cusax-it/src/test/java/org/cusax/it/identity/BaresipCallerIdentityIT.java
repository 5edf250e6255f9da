package org.cusax.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.cusax.it.support.AudioFiles;
import org.cusax.it.support.Await;
import org.cusax.it.support.CliProcess;
import org.cusax.it.support.NamespacedContactSeeder;
import org.cusax.it.support.NamespacedContactSeeder.Seed;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.baresip.BaresipAccount;
import org.cusax.testbed.baresip.BaresipUa;
import org.cusax.testbed.netns.IsolatedHost;
import org.cusax.testbed.netns.IsolatedTestbedExtension;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 7081 §5 with an independent caller: baresip, which sends no {@code Call-Info}, calls bob through
 * real Kamailio from a SIP account named by its E.164 number (as telephony providers name them), so
 * it presents {@code sip:+4915123456789@domain} (From, and the P-Asserted-Identity Kamailio adds for
 * its authenticated user, RFC 3325). Bob's contact Dana stores that number in her own vCard
 * (vcard-temp, XEP-0054) in German national format, {@code 0151 23456789}, and bob's
 * {@code contacts.default-region} is DE: bob's real {@code cusax listen --json} (a child JVM) binds the
 * call to Dana by tel. A second baresip caller whose number no contact owns stays unbound, shown in
 * national format, with no candidates. Both calls are answered and hung up by baresip.
 *
 * <p>Everything runs in an isolated network namespace (see {@link IsolatedHost}): Prosody, Kamailio,
 * baresip (which needs 127.0.0.2 there), our client, and the contacts' own XMPP clients that seed the
 * roster ({@link NamespacedContactSeeder}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BaresipCallerIdentityIT {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BaresipCallerIdentityIT.class);
    @RegisterExtension
    static final IsolatedTestbedExtension TB = new IsolatedTestbedExtension(TestbedOptions.defaults());

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A child JVM starting, loading its contacts and registering on a loaded machine. */
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String DANA_LINE = "+4915123456789";
    private static final String DANA_IN_HER_VCARD = "0151 23456789";
    /** A Berlin number no contact of bob's owns. */
    private static final String UNKNOWN_LINE = "+493098765432";

    @TempDir
    static Path dir;

    private static TestUser bob;
    private static TestUser dana;
    private static CliProcess listen;

    @BeforeAll
    static void seedRosterAndListen() throws Exception {
        bob = TB.testbed().createUser("bob");
        dana = TB.testbed().createUser("dana");
        TestUser erik = TB.testbed().createUser("erik");
        NamespacedContactSeeder.seed(TB.host(), TB.testbed(), bob, List.of(
                new Seed(dana, "Dana Schmidt", "<FN>Dana Schmidt</FN><TEL><CELL/><VOICE/><NUMBER>"
                        + DANA_IN_HER_VCARD + "</NUMBER></TEL>"),
                new Seed(erik, "Erik Berg", "<FN>Erik Berg</FN><TEL><WORK/><VOICE/><NUMBER>+49 30 12345678</NUMBER></TEL>")));

        Path conf = TB.testbed().writeClientConfig(bob, SipTransport.TLS);
        Files.writeString(conf, "contacts.default-region = DE\ncontacts.cache-dir = "
                + TB.testbed().runDir().resolve("cache-bob") + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        listen = CliProcess.start(TB.host(), dir, "listen", List.of("listen", "--json", "-c", conf.toString(),
                "--answer", "auto", "--for", "600s"));
        listen.await("connection", e -> e.path("half").asText().equals("telephony")
                && e.path("state").asText().equals("online"), STARTUP);
        listen.await("contacts-loaded", e -> e.path("total").asInt() == 2, STARTUP);
        // bob's client read Dana's number as her vCard holds it, and knows it as E.164
        listen.await("contact-updated", e -> e.path("jid").asText().equals(dana.jid())
                && StreamSupport.stream(e.path("tels").spliterator(), false).anyMatch(
                        t -> t.path("uri").asText().equals(DANA_IN_HER_VCARD)
                                && t.path("normalized").asText().equals("tel:" + DANA_LINE)), WAIT);
    }

    @AfterAll
    static void stopListening() {
        if (listen != null) {
            listen.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("RFC 7081 §5: baresip presents E.164, no Call-Info; the national number in Dana's vCard binds it by tel")
    void e164CallerBoundToNationalNumberInVcard() throws Exception {
        TestUser line = TB.testbed().createPhoneUser(DANA_LINE);
        try (BaresipUa b = baresip(line, "dana")) {
            JsonNode in = callBobAndHangUp(b);
            assertThat(in.path("from").asText()).isEqualToIgnoringCase("sip:" + DANA_LINE + "@" + TB.testbed().domain());
            assertThat(in.path("fromDisplay").asText()).isEqualTo("01512 3456789");
            JsonNode contact = in.path("contact");
            assertThat(contact.path("jid").asText()).as("%s", in).isEqualTo(dana.jid());
            assertThat(contact.path("name").asText()).isEqualTo("Dana Schmidt");
            assertThat(contact.path("matchedBy").asText()).isEqualTo("tel");
            assertThat(in.path("candidates").isArray()).isTrue();
            assertThat(in.path("candidates")).as("%s", in).isEmpty();
            assertThat(in.path("callInfoIgnored").isNull()).as("%s", in).isTrue();
        }
    }

    @Test
    @Order(2)
    @DisplayName("RFC 7081 §5: baresip from a number no contact owns: unbound, shown in national format, no candidates")
    void unknownCallerStaysUnbound() throws Exception {
        TestUser line = TB.testbed().createPhoneUser(UNKNOWN_LINE);
        try (BaresipUa b = baresip(line, "unknown")) {
            JsonNode in = callBobAndHangUp(b);
            assertThat(in.path("from").asText()).isEqualToIgnoringCase("sip:" + UNKNOWN_LINE + "@" + TB.testbed().domain());
            assertThat(in.path("contact").isNull()).as("%s", in).isTrue();
            assertThat(in.path("fromDisplay").asText()).isEqualTo("030 98765432");
            assertThat(in.path("candidates").isArray()).isTrue();
            assertThat(in.path("candidates")).as("%s", in).isEmpty();
            assertThat(in.path("callInfoIgnored").isNull()).as("%s", in).isTrue();
        }
    }

    private static BaresipUa baresip(TestUser line, String name) throws Exception {
        Path home = dir.resolve("baresip-" + name);
        Path tone = AudioFiles.tone(dir.resolve("tone-" + name + ".wav"), 600, Duration.ofSeconds(60));
        BaresipAccount account = new BaresipAccount(line.name(), TB.testbed().domain(), line.password(),
                SipTransport.TLS, TB.testbed().kamailio().host(), TB.testbed().kamailio().port(SipTransport.TLS), true);
        return BaresipUa.start(home, TB.host(), IsolatedHost.ADDRESS, account, TB.testbed().caCertificate(), tone, WAIT);
    }

    /**
     * baresip dials bob; bob's listen answers; after the call is up on both sides baresip hangs up.
     * Returns bob's {@code incoming-call} event.
     */
    private static JsonNode callBobAndHangUp(BaresipUa b) {
        int before = listen.events("incoming-call").size();
        b.dial(bob.sipAor());
        JsonNode in = Await.until("bob's incoming call from " + b.account().aor(), WAIT,
                () -> listen.events("incoming-call"), l -> l.size() > before).get(before);
        LOG.info("bob's incoming-call event: {}", in);
        String id = in.path("callId").asText();
        listen.await("call-answered", e -> e.path("callId").asText().equals(id), WAIT);
        assertThat(b.awaitEstablished(1, WAIT)).as("baresip's call established:\n%s", b.logTail(30)).isTrue();
        b.hangUp();
        JsonNode ended = listen.await("call-ended", e -> e.path("callId").asText().equals(id), WAIT);
        // ended by baresip's BYE (baresip 1.0 logs "Call with … terminated" only for calls the peer ends)
        assertThat(ended.path("reason").path("kind").asText()).isEqualTo("hung-up-remotely");
        return in;
    }
}
