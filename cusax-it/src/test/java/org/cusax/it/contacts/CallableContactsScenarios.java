package org.cusax.it.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cusax.core.connection.ConnectionState;
import org.cusax.core.contact.Contact;
import org.cusax.core.contact.TelAddress;
import org.cusax.core.contact.TelLabel;
import org.cusax.core.contact.TelSource;
import org.cusax.core.event.ContactUpdated;
import org.cusax.core.routing.RoutingDecision;
import org.cusax.core.service.Half;
import org.cusax.it.support.ContactSeeder;
import org.cusax.it.support.RunningClient;
import org.cusax.it.support.profile.ServiceProfile;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.sip.SipTransport;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Contacts that can be called (RFC 7081 §4) through the whole client against the profile's XMPP
 * server (real Prosody in {@link CallableContactsIT}, the sandbox in {@link CallableContactsSandboxIT}):
 * every contact is seeded from its own account over XMPP, as its own client would. TELs from
 * vcard-temp (XEP-0054 §3), vCard4 in PEP (XEP-0292 §3), reachability in presence and PEP (XEP-0152
 * §4), normalized with region FR, fax-only never callable, routing over the online SIP account, and
 * updates while online; our own SIP address is published as reachability.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CallableContactsScenarios {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final List<XMPPTCPConnection> seeds = new ArrayList<>();
    private TestUser alice;
    private RunningClient client;

    /** The servers of this run, started once per class by the subclass's extension. */
    protected abstract ServiceProfile service();

    @BeforeAll
    void seedContactsAndStartAlice() throws Exception {
        alice = service().createUser("alice");
        XMPPTCPConnection a = ContactSeeder.online(service(), alice);
        seeds.add(a);
        seed(a, "nobody", c -> ContactSeeder.vcardTemp(c, "<FN>No Body</FN>"));
        seed(a, "national", c -> ContactSeeder.vcardTemp(c,
                "<FN>National</FN><TEL><CELL/><VOICE/><NUMBER>06 12 34 56 78</NUMBER></TEL>"));
        seed(a, "several", c -> ContactSeeder.vcardTemp(c, "<FN>Several</FN>"
                + "<TEL><WORK/><VOICE/><NUMBER>+33 1 23 45 67 89</NUMBER></TEL>"
                + "<TEL><CELL/><NUMBER>06 98 76 54 32</NUMBER></TEL>"
                + "<TEL><HOME/><VOICE/><NUMBER>01 11 22 33 44</NUMBER></TEL>"
                + "<TEL><VIDEO/><NUMBER>sip:several-video@cusax.test</NUMBER></TEL>"));
        seed(a, "sipuri", c -> ContactSeeder.vcardTemp(c,
                "<FN>Sip Uri</FN><TEL><VOICE/><NUMBER>sip:sipuri@cusax.test</NUMBER></TEL>"));
        seed(a, "telext", c -> ContactSeeder.vcardTemp(c,
                "<FN>Tel Ext</FN><TEL><WORK/><NUMBER>tel:+33123456789;ext=42</NUMBER></TEL>"));
        seed(a, "vfour", c -> ContactSeeder.vcard4(c, "Vcard Four",
                "<tel><parameters><type><text>cell</text></type></parameters><uri>tel:+33611111111</uri></tel>"));
        seed(a, "reachonly", c -> {
            ContactSeeder.presenceWithReach(c, List.of("sip:reachonly@cusax.test"));
            ContactSeeder.reachPep(c, List.of("sip:reachonly@cusax.test"));
        });
        seed(a, "vfourlive", c -> ContactSeeder.vcard4(c, "Vcard Four Live",
                "<tel><parameters><type><text>cell</text></type></parameters><uri>tel:+33633333333</uri></tel>"));
        seed(a, "reachlive", c -> ContactSeeder.presenceWithReach(c, List.of("sip:reachlive@cusax.test")));
        seed(a, "faxonly", c -> ContactSeeder.vcardTemp(c,
                "<FN>Fax Only</FN><TEL><FAX/><NUMBER>01 99 88 77 66</NUMBER></TEL>"));
        a.disconnect();
        seeds.remove(a);

        Path cache = service().runDir().resolve("cache-alice");
        client = RunningClient.start(service(), alice, SipTransport.TLS,
                Map.of("contacts.default-region", "FR", "contacts.cache-dir", cache.toString()));
        client.await(Half.CHAT, ConnectionState.ONLINE);
        client.await(Half.TELEPHONY, ConnectionState.ONLINE);
        assertThat(client.client().awaitContactsLoaded(WAIT)).as("contacts loaded").isTrue();
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

    private Contact awaitContact(String name, java.util.function.Predicate<Contact> done) {
        return org.cusax.it.support.Await.until(name + "'s details", WAIT, () -> contact(name), done);
    }

    @Test
    void everyRosterEntryIsAContact() {
        assertThat(client.client().contacts()).extracting(Contact::jid).contains("nobody@cusax.test",
                "national@cusax.test", "several@cusax.test", "sipuri@cusax.test", "telext@cusax.test",
                "vfour@cusax.test", "reachonly@cusax.test", "faxonly@cusax.test");
    }

    @Test
    void aContactWithoutTelHasNoCallAction() {
        Contact c = contact("nobody");
        assertThat(c.tels()).isEmpty();
        assertThat(c.callable()).isFalse();
        assertThat(client.client().route("nobody@cusax.test")).isInstanceOfSatisfying(RoutingDecision.NoRoute.class,
                n -> assertThat(n.reason()).isEqualTo(RoutingDecision.Reason.NO_TELS));
    }

    @Test
    void aNationalNumberIsNormalizedAndCalledOverSipAtOnce() {
        Contact c = contact("national");
        assertThat(c.tels()).singleElement().satisfies(t -> {
            assertThat(t.uri()).isEqualTo("06 12 34 56 78");
            assertThat(t.normalized()).contains("tel:+33612345678");
            assertThat(t.label()).isEqualTo(TelLabel.MOBILE);
            assertThat(t.source()).isEqualTo(TelSource.VCARD_TEMP);
        });
        assertThat(c.callable()).isTrue();
        assertThat(client.client().route("national@cusax.test")).isInstanceOfSatisfying(RoutingDecision.Route.class,
                r -> {
                    assertThat(r.account().address()).isEqualTo(alice.sipAor());
                    assertThat(r.address()).isEqualTo("tel:+33612345678");
                    assertThat(r.interDomain().flagged()).as("a contact of our own domain (RFC 7081 §5)").isFalse();
                });
    }

    @Test
    void everyTelOfAVcardIsKeptAndTheUserPicksInPreferenceOrder() {
        Contact c = contact("several");
        assertThat(c.tels()).extracting(TelAddress::label).containsExactlyInAnyOrder(TelLabel.WORK, TelLabel.MOBILE,
                TelLabel.HOME, TelLabel.VIDEO);
        assertThat(c.tels()).extracting(t -> t.normalized().orElse(null)).containsExactlyInAnyOrder(
                "tel:+33123456789", "tel:+33698765432", "tel:+33111223344", "sip:several-video@cusax.test");
        assertThat(client.client().route("several@cusax.test"))
                .isInstanceOfSatisfying(RoutingDecision.ChooseAddress.class, choice -> assertThat(choice.options())
                        .extracting(TelAddress::label)
                        .containsExactly(TelLabel.MOBILE, TelLabel.WORK, TelLabel.HOME, TelLabel.VIDEO));
    }

    @Test
    void sipAndTelUrisFromVcardTemp() {
        assertThat(contact("sipuri").tels()).singleElement()
                .satisfies(t -> assertThat(t.normalized()).contains("sip:sipuri@cusax.test"));
        assertThat(contact("telext").tels()).singleElement().satisfies(t -> {
            assertThat(t.uri()).isEqualTo("tel:+33123456789;ext=42");
            assertThat(t.normalized()).contains("tel:+33123456789;ext=42");
            assertThat(t.label()).isEqualTo(TelLabel.WORK);
        });
        assertThat(contact("telext").callable()).isTrue();
    }

    @Test
    void aVcard4OnlyContactIsCallable() {
        Contact c = awaitContact("vfour", x -> !x.tels().isEmpty());
        assertThat(c.tels()).singleElement().satisfies(t -> {
            assertThat(t.source()).isEqualTo(TelSource.VCARD4);
            assertThat(t.normalized()).contains("tel:+33611111111");
            assertThat(t.label()).isEqualTo(TelLabel.MOBILE);
        });
    }

    @Test
    void aReachabilityOnlyContactIsCallableFromPresenceAndPep() {
        Contact c = awaitContact("reachonly", x -> x.tels().size() == 2);
        assertThat(c.tels()).extracting(TelAddress::source)
                .containsExactlyInAnyOrder(TelSource.REACH_PRESENCE, TelSource.REACH_PEP);
        assertThat(c.tels()).allSatisfy(t -> assertThat(t.normalized()).contains("sip:reachonly@cusax.test"));
        assertThat(c.callable()).isTrue();
    }

    @Test
    void aFaxOnlyContactIsListedButNotCallable() {
        Contact c = contact("faxonly");
        assertThat(c.tels()).singleElement().satisfies(t -> {
            assertThat(t.label()).isEqualTo(TelLabel.FAX);
            assertThat(t.callable()).isFalse();
        });
        assertThat(c.callable()).isFalse();
        assertThat(client.client().route("faxonly@cusax.test")).isInstanceOfSatisfying(RoutingDecision.NoRoute.class,
                n -> assertThat(n.reason()).isEqualTo(RoutingDecision.Reason.NOT_CALLABLE));
    }

    @Test
    void changesWhileOnlineUpdateTheCallAction() throws Exception {
        awaitContact("vfourlive", x -> !x.tels().isEmpty());
        awaitContact("reachlive", x -> !x.tels().isEmpty());
        XMPPTCPConnection vfour = seedOf("vfourlive");
        ContactSeeder.vcard4(vfour, "Vcard Four", "<tel><parameters><type><text>work</text></type></parameters>"
                + "<uri>tel:+33622222222</uri></tel>");
        client.events().await(ContactUpdated.class, e -> e.contact().jid().equals("vfourlive@cusax.test")
                && e.contact().tels().stream().anyMatch(t -> t.normalized().orElse("").equals("tel:+33622222222")),
                WAIT);

        ContactSeeder.presenceWithReach(seedOf("reachlive"), List.of("sip:reachlive-desk@cusax.test"));
        client.events().await(ContactUpdated.class, e -> e.contact().jid().equals("reachlive@cusax.test")
                && e.contact().tels().stream().anyMatch(t -> t.source() == TelSource.REACH_PRESENCE
                        && t.normalized().orElse("").equals("sip:reachlive-desk@cusax.test")), WAIT);
        assertThat(contact("reachlive").tels()).extracting(t -> t.normalized().orElse(""))
                .containsExactly("sip:reachlive-desk@cusax.test");
    }

    @Test
    void routingWithZeroOneOrTwoTelephonyAccounts() throws Exception {
        // Two: calling switched on for the XMPP account as well -> the user chooses (SIP first).
        try (RunningClient both = RunningClient.start(service(), alice, SipTransport.TCP,
                Map.of("contacts.default-region", "FR", "contacts.cache-dir", "", "xmpp.resource", "two",
                        "xmpp.features.calling", "true"))) {
            both.await(Half.CHAT, ConnectionState.ONLINE);
            both.await(Half.TELEPHONY, ConnectionState.ONLINE);
            assertThat(both.client().awaitContactsLoaded(WAIT)).isTrue();
            assertThat(both.client().route("national@cusax.test"))
                    .isInstanceOfSatisfying(RoutingDecision.ChooseAccount.class, c -> assertThat(c.candidates())
                            .extracting(a -> a.address()).containsExactly(alice.sipAor(), alice.jid()));
        }
        // Zero: the SIP account cannot log in and calling is off on the XMPP account (the CUSAX default);
        // the Call action stays, the route says why it cannot go.
        Map<String, String> noSip = new java.util.HashMap<>(RunningClient.wrongPassword(service(), "sip"));
        noSip.putAll(Map.of("contacts.default-region", "FR", "contacts.cache-dir", "", "xmpp.resource", "zero"));
        try (RunningClient none = RunningClient.start(service(), alice, SipTransport.TCP, noSip)) {
            none.await(Half.TELEPHONY, ConnectionState.FAILED);
            assertThat(none.client().awaitContactsLoaded(WAIT)).isTrue();
            assertThat(none.client().contacts().stream().filter(c -> c.jid().equals("national@cusax.test"))
                    .findFirst().orElseThrow().callable()).isTrue();
            assertThat(none.client().route("national@cusax.test"))
                    .isInstanceOfSatisfying(RoutingDecision.NoRoute.class, n -> assertThat(n.reason())
                            .isIn(RoutingDecision.Reason.NO_ACCOUNT_ONLINE, RoutingDecision.Reason.NO_TELEPHONY_ACCOUNT));
        }
    }

    @Test
    void rosterCommandPrintsTheContactListAsJson() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Path config = service().runDir().resolve("alice-roster.conf");
        java.nio.file.Files.writeString(config, java.nio.file.Files.readString(client.configFile())
                + "contacts.default-region = FR\ncontacts.cache-dir =\nxmpp.resource = roster-cli\n");
        int code = new org.cusax.app.cli.CusaxCli(new org.cusax.app.assembly.CusaxAssembly(), Map.of(),
                Path.of(System.getProperty("user.home")),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8))
                .execute("roster", "--json", "-c", config.toString());
        assertThat(code).as("stderr: %s", err).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString(
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(json.get("complete").asBoolean()).isTrue();
        var national = java.util.stream.StreamSupport.stream(json.get("contacts").spliterator(), false)
                .filter(c -> c.get("jid").asText().equals("national@cusax.test")).findFirst().orElseThrow();
        assertThat(national.get("callable").asBoolean()).isTrue();
        assertThat(national.at("/tels/0/uri").asText()).isEqualTo("06 12 34 56 78");
        assertThat(national.at("/tels/0/normalized").asText()).isEqualTo("tel:+33612345678");
        assertThat(national.at("/tels/0/type").asText()).isEqualTo("mobile");
        assertThat(national.at("/tels/0/source").asText()).isEqualTo("vcard-temp");
    }

    /**
     * RFC 6121 §4.4.2: the server sends the presence of every online contact right after our initial
     * presence. {@code roster} prints after that burst: a contact online at that moment is available, also
     * when the details come from the cache at once (second run) and the list would be complete before any
     * presence arrived. The nobody@ seed stays online throughout; alice's own seeding session is gone.
     */
    @Test
    void rosterCommandShowsContactsOnlineAtThatMomentAsAvailable() throws Exception {
        Path config = service().runDir().resolve("alice-roster-presence.conf");
        java.nio.file.Files.writeString(config, java.nio.file.Files.readString(client.configFile())
                + "contacts.default-region = FR\ncontacts.cache-dir = " + service().runDir().resolve("cache-roster-cli")
                + "\nxmpp.resource = roster-presence\n");
        for (String run : List.of("first run, details fetched", "second run, details from the cache")) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int code = new org.cusax.app.cli.CusaxCli(new org.cusax.app.assembly.CusaxAssembly(), Map.of(),
                    Path.of(System.getProperty("user.home")),
                    new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                    new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8))
                    .execute("roster", "--json", "-c", config.toString());
            assertThat(code).as("%s; stderr: %s", run, err).isZero();
            String stdout = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(stdout.strip().lines()).as("one JSON object").hasSize(1);
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stdout);
            assertThat(json.get("presencesSettled").asBoolean()).as(run).isTrue();
            for (String name : List.of("nobody", "national", "several")) {
                var contact = java.util.stream.StreamSupport.stream(json.get("contacts").spliterator(), false)
                        .filter(c -> c.get("jid").asText().equals(name + "@cusax.test")).findFirst().orElseThrow();
                assertThat(contact.at("/presence/availability").asText()).as("%s: %s", run, name)
                        .isEqualTo("available");
            }
        }
    }

    private XMPPTCPConnection seedOf(String name) {
        return seeds.stream().filter(s -> s.getUser().getLocalpart().toString().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void ourOwnSipAddressIsPublishedAsReachability() {
        XMPPTCPConnection friend = seeds.get(0);
        BareJid aliceJid = JidCreate.bareFromOrThrowUnchecked(alice.jid());
        ExtensionElement reach = org.cusax.it.support.Await.until("alice's presence with reachability", WAIT,
                () -> Roster.getInstanceFor(friend).getPresence(aliceJid)
                        .getExtensionElement("reach", ContactSeeder.REACH_NS),
                e -> e != null);
        assertThat(reach.toXML().toString()).contains(alice.sipAor());
    }
}
