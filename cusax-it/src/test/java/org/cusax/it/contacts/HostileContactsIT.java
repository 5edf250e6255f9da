package org.cusax.it.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.cusax.core.connection.ConnectionState;
import org.cusax.core.contact.Contact;
import org.cusax.core.contact.TelAddress;
import org.cusax.core.routing.RoutingDecision;
import org.cusax.core.service.Half;
import org.cusax.it.support.Await;
import org.cusax.it.support.ContactSeeder;
import org.cusax.it.support.RunningClient;
import org.cusax.it.support.StockVCardProvider;
import org.cusax.it.support.profile.ServiceProfile;
import org.cusax.it.support.profile.ServiceProfileExtension;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.sip.SipTransport;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14 item 4 on real Prosody: hostile contacts publish what their own clients can (XEP-0054 vcard-temp
 * with hundreds of TELs and a large photo, TELs with C1 controls, a bidi override and SIP metacharacters,
 * XEP-0292 vCard4 with junk, XEP-0152 reachability with invalid URIs, and a stock Smack client's vCard whose
 * fields carry XML markup). Our client stays online, reads each within its limits, never lets header text of a
 * hostile TEL into a Request-URI, keeps what it shows on one inert line, and still calls an honest contact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileContactsIT {
    @RegisterExtension
    static final ServiceProfileExtension SERVICE = ServiceProfileExtension.realServers(TestbedOptions.defaults());
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<XMPPTCPConnection> seeds = new ArrayList<>();
    private TestUser alice;
    private RunningClient client;

    private ServiceProfile service() {
        return SERVICE.profile();
    }

    private interface Seeding {
        void apply(XMPPTCPConnection c) throws Exception;
    }

    private void seed(XMPPTCPConnection a, String name, Seeding seeding) throws Exception {
        TestUser u = service().createUser(name);
        XMPPTCPConnection c = ContactSeeder.online(service(), u);
        seeds.add(c);
        ContactSeeder.befriend(a, alice, c, u);
        seeding.apply(c);
    }

    @BeforeAll
    void hostileContactsPublishAndAliceLogsIn() throws Exception {
        alice = service().createUser("alice");
        XMPPTCPConnection a = ContactSeeder.online(service(), alice);
        seeds.add(a);
        StringBuilder many = new StringBuilder("<FN>Many</FN>");
        for (int i = 0; i < 400; i++) {
            many.append("<TEL><CELL/><NUMBER>+33 6 12 34 ").append(String.format("%02d %02d", i / 100, i % 100))
                    .append("</NUMBER></TEL>");
        }
        many.append("<PHOTO><TYPE>image/png</TYPE><BINVAL>").append(Base64.getEncoder().encodeToString(new byte[60_000]))
                .append("</BINVAL></PHOTO>");
        seed(a, "many", c -> ContactSeeder.vcardTemp(c, many.toString()));
        seed(a, "controls", c -> ContactSeeder.vcardTemp(c, "<FN>Controls</FN>"
                + "<TEL><CELL/><NUMBER>+33 6 12 34 56 78\u009b2J\u202e</NUMBER></TEL>"));
        seed(a, "metachars", c -> ContactSeeder.vcardTemp(c, "<FN>Meta</FN>"
                + "<TEL><VOICE/><NUMBER>sip:meta@cusax.test&gt;;tag=1&#13;&#10;Via: SIP/2.0/UDP evil</NUMBER></TEL>"
                + "<TEL><VOICE/><NUMBER>&lt;sip:meta@cusax.test&gt;, &lt;xmpp:@@&gt;</NUMBER></TEL>"));
        seed(a, "vfourjunk", c -> {
            StringBuilder tels = new StringBuilder("<tel/><tel><uri></uri></tel><tel><parameters><type><text>cell"
                    + "</text></type></parameters><x><y><z/></y></x></tel>");
            for (int i = 0; i < 150; i++) {
                tels.append("<tel><uri>tel:+3361111").append(String.format("%04d", i)).append("</uri></tel>");
            }
            ContactSeeder.vcard4(c, "Junk &amp; &lt;b&gt;", tels.toString());
        });
        seed(a, "badreach", c -> {
            ContactSeeder.presenceWithReach(c, List.of("sip:bad reach@cusax.test", "xmpp:@@", "javascript:alert(1)"));
            ContactSeeder.reachPep(c, List.of("sip:a&#13;&#10;b@cusax.test"));
        });
        seed(a, "stock", c -> {
            try (StockVCardProvider stock = StockVCardProvider.install()) {
                VCard v = new VCard();
                v.setFirstName("</FN><TEL><NUMBER>+33 6 66 66 66 66</NUMBER></TEL><FN>");
                v.setNickName("<![CDATA[x]]>&amp;");
                v.setPhoneWork("VOICE", "+33 1 23 45 67 89</NUMBER></TEL><TEL><CELL/><NUMBER>+33 6 66 66 66 66");
                v.setPhoneHome("CELL", "06 12 34 56 78");
                VCardManager.getInstanceFor(c).saveVCard(v);
            }
        });
        seed(a, "honest", c -> ContactSeeder.vcardTemp(c,
                "<FN>Honest</FN><TEL><CELL/><NUMBER>06 98 76 54 32</NUMBER></TEL>"));
        a.disconnect();
        seeds.remove(a);

        client = RunningClient.start(service(), alice, SipTransport.TLS, Map.of("contacts.default-region", "FR",
                "contacts.cache-dir", service().runDir().resolve("cache-alice").toString()));
        client.await(Half.CHAT, ConnectionState.ONLINE);
        client.await(Half.TELEPHONY, ConnectionState.ONLINE);
        assertThat(client.client().awaitContactsLoaded(WAIT)).as("contacts loaded").isTrue();
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.close();
        }
        seeds.forEach(XMPPTCPConnection::disconnect);
    }

    private Contact contact(String name) {
        String jid = name + "@cusax.test";
        return client.client().contacts().stream().filter(c -> c.jid().equals(jid)).findFirst()
                .orElseThrow(() -> new AssertionError(jid + " is not in the contact list"));
    }

    private static void assertInert(TelAddress t) {
        assertThat(t.uri()).doesNotContain("\r", "\n", "\u009b", "\u202e");
        t.normalized().ifPresent(n -> assertThat(n).doesNotContainPattern("[\\s<>\"\\p{Cntrl}]"));
    }

    @Test
    @DisplayName("XEP-0054: 400 TELs and a 60 kB photo: the first 64 TELs, Chat still online")
    void aHugeVCardIsReadWithinItsLimits() {
        Contact many = contact("many");
        assertThat(many.tels()).hasSize(64);
        assertThat(many.tels()).extracting(t -> t.normalized().orElseThrow()).contains("tel:+33612340000");
        assertThat(client.status(Half.CHAT).state()).isEqualTo(ConnectionState.ONLINE);
    }

    @Test
    @DisplayName("control characters and a bidi override in a TEL are shown inert")
    void controlCharactersAreShownInert() {
        assertThat(contact("controls").tels()).singleElement().satisfies(t -> {
            assertInert(t);
            assertThat(t.uri()).contains("\uFFFD");
        });
    }

    @Test
    @DisplayName("RFC 3261 §25.1: SIP metacharacters in a TEL never reach a Request-URI")
    void sipMetacharactersNeverReachARequestUri() {
        Contact meta = contact("metachars");
        assertThat(meta.tels()).hasSize(2).allSatisfy(HostileContactsIT::assertInert);
        // "sip:…>;tag=1 CRLF Via: …" is no URI; "<sip:…>, <xmpp:@@>" is a name-addr list: its first URI only
        assertThat(meta.tels()).extracting(t -> t.normalized().orElse("unparseable"))
                .containsExactlyInAnyOrder("unparseable", "sip:meta@cusax.test");
        assertThat(client.client().route("metachars@cusax.test")).isInstanceOfSatisfying(RoutingDecision.Route.class,
                r -> assertThat(r.address()).isEqualTo("sip:meta@cusax.test"));
    }

    @Test
    @DisplayName("XEP-0292: 150 tels among junk elements: at most 64, the junk skipped")
    void aJunkVCard4IsReadWithinItsLimits() {
        Contact junk = Await.until("vfourjunk's tels", WAIT, () -> contact("vfourjunk"), c -> !c.tels().isEmpty());
        assertThat(junk.tels()).hasSize(64).allSatisfy(t -> assertThat(t.normalized().orElseThrow()).startsWith("tel:+3361111"));
    }

    @Test
    @DisplayName("XEP-0152: invalid reachability URIs are dropped, never callable")
    void invalidReachabilityIsDropped() {
        Contact bad = contact("badreach");
        assertThat(bad.tels()).allSatisfy(HostileContactsIT::assertInert);
        assertThat(bad.callable()).isFalse();
    }

    @Test
    @DisplayName("XEP-0054 through stock Smack: markup in vCard fields is text, no TEL is injected")
    void markupInAStockVCardInjectsNoTel() {
        Contact stock = contact("stock");
        assertThat(stock.tels()).extracting(t -> t.normalized().orElse("unparseable:" + t.uri()))
                .doesNotContain("tel:+33666666666").contains("tel:+33612345678");
        assertThat(stock.tels()).allSatisfy(HostileContactsIT::assertInert);
    }

    @Test
    @DisplayName("RFC 7081 §4: after all that, an honest contact is still called over SIP")
    void anHonestContactIsStillRouted() {
        assertThat(client.client().route("honest@cusax.test")).isInstanceOfSatisfying(RoutingDecision.Route.class,
                r -> assertThat(r.address()).isEqualTo("tel:+33698765432"));
        assertThat(client.status(Half.CHAT).state()).isEqualTo(ConnectionState.ONLINE);
        assertThat(client.status(Half.TELEPHONY).state()).isEqualTo(ConnectionState.ONLINE);
    }
}
