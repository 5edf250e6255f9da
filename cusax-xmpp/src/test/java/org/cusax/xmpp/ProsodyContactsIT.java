package org.cusax.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.cusax.core.account.Account;
import org.cusax.core.config.ContactSettings;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.contact.TelSource;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.prosody.ProsodyStorage;
import org.cusax.testbed.prosody.ProsodyStorage.RosterEntry;
import org.cusax.xmpp.contacts.LoadStats;
import org.cusax.xmpp.reach.element.ReachElement;
import org.cusax.xmpp.testing.ContactSeeds;
import org.cusax.xmpp.testing.LogCapture;
import org.cusax.xmpp.testing.Peer;
import org.cusax.xmpp.testing.RecordingCallbacks;
import org.cusax.xmpp.testing.XmppAccounts;
import org.cusax.xmpp.vcard4.element.VCard4Element;
import org.cusax.xmpp.vcard4.element.VCard4Tel;
import org.cusax.xmpp.vcardtemp.element.VCardUpdate;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smackx.pubsub.ItemsExtension;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubElementType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Contacts with telephony addresses against a real Prosody 0.12: vcard-temp TELs (XEP-0054 §3.1, every
 * TEL kept), vCard4 in PEP (XEP-0292 §3) followed with +notify (XEP-0163 §4), reachability in presence and
 * PEP (XEP-0152 §3–4) both ways, the XEP-0153 photo hash as vcard-temp change signal, roster pushes
 * (RFC 6121 §2.1.6), and the per-account cache with roster versioning (RFC 6121 §2.6): an unchanged roster
 * costs no vCard request at the next start, also with 1,000 contacts seeded into Prosody's storage.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProsodyContactsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String D = "@cusax.test";
    private static final int BULK = 1000;
    private static final List<String> CONTACTS = List.of("nobody", "national", "several", "sipuri", "telext", "vfour",
            "reachonly", "faxonly");
    private static Testbed tb;
    private static TestUser alice;
    private static LogCapture logs;
    private static Path cache;
    private static final List<Peer> PEERS = new ArrayList<>();
    private static SmackChatPort port;
    private static RecordingCallbacks cb = new RecordingCallbacks();

    @BeforeAll
    static void seed() throws Exception {
        logs = new LogCapture();
        tb = Testbed.start(TestbedOptions.defaults().withKamailio(false));
        alice = tb.createUser("alice");
        cache = tb.runDir().resolve("cache");
        ProsodyStorage s = tb.prosody().storage();
        // Every contact is a copy of alice's account (same password), befriended both ways, before anyone logs in.
        List<RosterEntry> aliceRoster = new ArrayList<>();
        for (String name : Stream.concat(CONTACTS.stream(), Stream.of("latecomer")).toList()) {
            s.cloneAccount("alice", name);
            s.writeRoster(name, 1, List.of(new RosterEntry("alice" + D, "Alice", "both")));
            if (!name.equals("latecomer")) {
                aliceRoster.add(new RosterEntry(name + D, name.toUpperCase(), "both"));
            }
        }
        s.writeRoster("alice", 3, aliceRoster);
        s.writeVcardTemp("nobody", vcard("<FN>No Body</FN><EMAIL><INTERNET/><USERID>nobody@x</USERID></EMAIL>"));
        s.writeVcardTemp("national", vcard("<FN>National</FN><TEL><CELL/><VOICE/><NUMBER>06 12 34 56 78</NUMBER></TEL>"));
        s.writeVcardTemp("several", vcard("<FN>Several</FN>"
                + "<TEL><WORK/><VOICE/><NUMBER>+33 1 23 45 67 89</NUMBER></TEL>"
                + "<TEL><CELL/><NUMBER>06 98 76 54 32</NUMBER></TEL>"
                + "<TEL><HOME/><VOICE/><NUMBER>01 11 22 33 44</NUMBER></TEL>"
                + "<TEL><WORK/><VOICE/><NUMBER>+33 1 23 45 67 00</NUMBER></TEL>"
                + "<TEL><VIDEO/><NUMBER>sip:several-video@cusax.test</NUMBER></TEL>"));
        s.writeVcardTemp("sipuri", vcard("<FN>Sip Uri</FN><TEL><VOICE/><NUMBER>sip:sipuri@cusax.test</NUMBER></TEL>"));
        s.writeVcardTemp("telext", vcard("<FN>Tel Ext</FN><TEL><WORK/><NUMBER>tel:+33123456789;ext=42</NUMBER></TEL>"));
        s.writeVcardTemp("faxonly", vcard("<FN>Fax Only</FN><TEL><FAX/><NUMBER>01 99 88 77 66</NUMBER></TEL>"));
        s.writeVcardTemp("latecomer", vcard("<TEL><PAGER/><NUMBER>+1 555 0199</NUMBER></TEL>"));

        Peer vfour = peer("vfour", false);
        ContactSeeds.publish(vfour.connection(), VCard4Element.NODE,
                new VCard4Element(List.of(VCard4Tel.of("tel:+33611111111", "cell"))));
        Peer reach = peer("reachonly", false);
        ContactSeeds.presence(reach.connection(), List.of(ReachElement.of("sip:reachonly" + D)));
        ContactSeeds.publish(reach.connection(), ReachElement.NODE, ReachElement.of("sip:reachonly" + D));
        peer("national", true);
    }

    private static String vcard(String inner) {
        return "<vCard xmlns='vcard-temp'>" + inner + "</vCard>";
    }

    private static Peer peer(String name, boolean presence) throws Exception {
        Peer p = Peer.login(XmppAccounts.account(name, alice.password(), tb.prosody().c2sPort(), tb.caCertificate()),
                "seed", presence);
        PEERS.add(p);
        return p;
    }

    private static Peer peerOf(String name) {
        return PEERS.stream().filter(p -> p.connection().getUser().getLocalpart().toString().equals(name))
                .findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        if (port != null) {
            port.stop();
        }
        PEERS.forEach(Peer::close);
        if (tb != null) {
            tb.close();
        }
        if (logs != null) {
            logs.close();
            assertThat(logs.lines()).noneMatch(l -> l.contains(alice.password()));
        }
    }

    private static SmackChatPort start(String user, RecordingCallbacks callbacks, int inFlight) {
        Account account = XmppAccounts.account(user, alice.password(), tb.prosody().c2sPort(), tb.caCertificate());
        SmackChatPort p = new SmackChatPort(account, XmppAccounts.settings(), XmppAccounts.backoff(Duration.ofMillis(200)),
                new ContactSettings("FR", TelPreference.defaults(), Optional.of(cache), inFlight, true).primingCaps(),
                Optional.of("sip:" + user + D));
        p.start(callbacks);
        return p;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        if (!org.cusax.core.testing.Eventually.holds(condition, WAIT)) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    /** Every source with addresses for this contact, with its last addresses. */
    private static java.util.Map<TelSource, List<RawTel>> nonEmpty(RecordingCallbacks c, String name) {
        java.util.Map<TelSource, List<RawTel>> m = new java.util.EnumMap<>(TelSource.class);
        for (TelSource source : TelSource.values()) {
            c.tels(name + D, source).filter(t -> !t.isEmpty()).ifPresent(t -> m.put(source, t));
        }
        return m;
    }

    @Test
    @Order(1)
    void everyKindOfContactYieldsExactlyItsRawTelsWithTheRightSource() throws Exception {
        port = start("alice", cb, 8);
        cb.awaitState(ConnectionState.ONLINE, WAIT);
        assertThat(cb.awaitLoaded(1, WAIT)).isEqualTo(CONTACTS.size());
        assertThat(cb.rosters()).last().satisfies(r -> assertThat(r).hasSize(CONTACTS.size()));
        // Notifications (reach) come after the load: wait for them, then check everything at once.
        cb.awaitTels("reachonly" + D, TelSource.REACH_PEP, t -> !t.isEmpty(), WAIT);
        cb.awaitTels("reachonly" + D, TelSource.REACH_PRESENCE, t -> !t.isEmpty(), WAIT);

        assertThat(nonEmpty(cb, "nobody")).isEmpty();
        assertThat(nonEmpty(cb, "national")).containsExactly(
                java.util.Map.entry(TelSource.VCARD_TEMP, List.of(RawTel.of("06 12 34 56 78", "CELL", "VOICE"))));
        assertThat(nonEmpty(cb, "several")).containsOnlyKeys(TelSource.VCARD_TEMP);
        assertThat(nonEmpty(cb, "several").get(TelSource.VCARD_TEMP)).containsExactly(
                RawTel.of("+33 1 23 45 67 89", "WORK", "VOICE"), RawTel.of("06 98 76 54 32", "CELL"),
                RawTel.of("01 11 22 33 44", "HOME", "VOICE"), RawTel.of("+33 1 23 45 67 00", "WORK", "VOICE"),
                RawTel.of("sip:several-video@cusax.test", "VIDEO"));
        assertThat(nonEmpty(cb, "sipuri")).containsExactly(
                java.util.Map.entry(TelSource.VCARD_TEMP, List.of(RawTel.of("sip:sipuri@cusax.test", "VOICE"))));
        assertThat(nonEmpty(cb, "telext")).containsExactly(
                java.util.Map.entry(TelSource.VCARD_TEMP, List.of(RawTel.of("tel:+33123456789;ext=42", "WORK"))));
        assertThat(nonEmpty(cb, "vfour")).containsExactly(
                java.util.Map.entry(TelSource.VCARD4, List.of(RawTel.of("tel:+33611111111", "cell"))));
        assertThat(nonEmpty(cb, "reachonly")).containsExactly(
                java.util.Map.entry(TelSource.REACH_PRESENCE, List.of(RawTel.of("sip:reachonly@cusax.test"))),
                java.util.Map.entry(TelSource.REACH_PEP, List.of(RawTel.of("sip:reachonly@cusax.test"))));
        assertThat(nonEmpty(cb, "faxonly")).containsExactly(
                java.util.Map.entry(TelSource.VCARD_TEMP, List.of(RawTel.of("01 99 88 77 66", "FAX"))));
        // A contact without vCard or node is resolved with no tels: it was answered, and said so.
        assertThat(cb.tels("nobody" + D, TelSource.VCARD_TEMP)).contains(List.of());
        assertThat(cb.tels("nobody" + D, TelSource.VCARD4)).contains(List.of());

        LoadStats stats = port.contactStats();
        assertThat(stats.vcardTempRequests()).isEqualTo(CONTACTS.size());
        // XEP-0163 §6.1.1: every contact is on our server with subscription both, so their vCard4 (vfour's
        // number, the others' none) came by PEP after our presence: no items request at all
        assertThat(stats.vcard4Requests()).isZero();
        assertThat(stats.maxInFlight()).isGreaterThan(1);
        cb.awaitPresence("national" + D, p -> p.availability().online(), WAIT);
    }

    @Test
    @Order(2)
    void ourSipAddressIsPublishedInPresenceAndInPep() throws Exception {
        Peer friend = peerOf("national"); // available, so the server sends it alice's presence (RFC 6121 §4.2.2)
        await(() -> Roster.getInstanceFor(friend.connection()).getPresence(JidCreate.bareFromOrThrowUnchecked(alice.jid()))
                .getExtension(ReachElement.class) != null, "alice's presence with reachability");
        Presence p = Roster.getInstanceFor(friend.connection()).getPresence(JidCreate.bareFrom(alice.jid()));
        assertThat(p.getExtension(ReachElement.class)).isEqualTo(ReachElement.of(alice.sipAor()));

        await(() -> pepReach(friend).isPresent(), "alice's reachability in PEP");
        assertThat(pepReach(friend)).contains(ReachElement.of(alice.sipAor()));
    }

    private static Optional<ReachElement> pepReach(Peer friend) {
        try {
            ItemsExtension items = ContactSeeds.items(friend.connection(), JidCreate.bareFrom(alice.jid()),
                    ReachElement.NODE).getExtension(PubSubElementType.ITEMS);
            return items.getItems().stream().filter(i -> i instanceof PayloadItem<?>)
                    .map(i -> ((PayloadItem<?>) i).getPayload()).filter(ReachElement.class::isInstance)
                    .map(ReachElement.class::cast).findFirst();
        } catch (Exception e) {
            return Optional.empty(); // not published yet (item-not-found)
        }
    }

    @Test
    @Order(3)
    void changesWhileOnlineArriveWithoutPollingAndAPhotoHashRefetchesTheVcardTemp() throws Exception {
        long before = port.contactStats().vcardRequests();
        // XEP-0292: a new vCard4 is pushed to us (+notify) and needs no request.
        ContactSeeds.publish(peerOf("vfour").connection(), VCard4Element.NODE,
                new VCard4Element(List.of(VCard4Tel.of("tel:+33622222222", "work"))));
        cb.awaitTels("vfour" + D, TelSource.VCARD4, t -> t.equals(List.of(RawTel.of("tel:+33622222222", "work"))), WAIT);
        // XEP-0152: presence and PEP reachability follow the contact.
        Peer reach = peerOf("reachonly");
        ContactSeeds.presence(reach.connection(), List.of(ReachElement.of("sip:reachonly-desk" + D)));
        cb.awaitTels("reachonly" + D, TelSource.REACH_PRESENCE,
                t -> t.equals(List.of(RawTel.of("sip:reachonly-desk" + D))), WAIT);
        ContactSeeds.publish(reach.connection(), ReachElement.NODE, ReachElement.of("tel:+33633333333"));
        cb.awaitTels("reachonly" + D, TelSource.REACH_PEP, t -> t.equals(List.of(RawTel.of("tel:+33633333333"))), WAIT);
        ContactSeeds.presence(reach.connection(), List.of()); // a presence without reach clears it
        cb.awaitTels("reachonly" + D, TelSource.REACH_PRESENCE, List::isEmpty, WAIT);
        ContactSeeds.presence(reach.connection(), List.of(ReachElement.of("sip:reachonly" + D)));
        cb.awaitTels("reachonly" + D, TelSource.REACH_PRESENCE, t -> !t.isEmpty(), WAIT);
        reach.connection().sendStanza(reach.connection().getStanzaFactory().buildPresenceStanza()
                .ofType(Presence.Type.unavailable).build()); // and so does going offline
        cb.awaitTels("reachonly" + D, TelSource.REACH_PRESENCE, List::isEmpty, WAIT);
        cb.awaitPresence("reachonly" + D, p -> !p.availability().online(), WAIT);
        assertThat(port.contactStats().vcardRequests()).isEqualTo(before);

        // XEP-0153: national stores a new vCard with a photo and advertises the photo's hash.
        byte[] photo = "a tiny photo".getBytes(StandardCharsets.US_ASCII);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(photo));
        Peer national = peerOf("national");
        ContactSeeds.setVcardTemp(national.connection(), "<FN>National</FN><TEL><WORK/><NUMBER>04 44 44 44 44</NUMBER>"
                + "</TEL><PHOTO><TYPE>image/png</TYPE><BINVAL>" + Base64.getEncoder().encodeToString(photo)
                + "</BINVAL></PHOTO>");
        ContactSeeds.presence(national.connection(), List.of(new VCardUpdate(Optional.of(hash))));
        cb.awaitTels("national" + D, TelSource.VCARD_TEMP, t -> t.equals(List.of(RawTel.of("04 44 44 44 44", "WORK"))),
                WAIT);
        ContactSeeds.presence(national.connection(), List.of(new VCardUpdate(Optional.of(hash)))); // same hash again
        // RFC 6121 §2.1.6: a contact added from another client arrives as a push and is fetched.
        try (Peer otherAlice = peer("alice", false)) {
            Roster.getInstanceFor(otherAlice.connection()).createItem(JidCreate.bareFrom("latecomer" + D), "Late", null);
            cb.awaitTels("latecomer" + D, TelSource.VCARD_TEMP, t -> t.equals(List.of(RawTel.of("+1 555 0199", "PAGER"))),
                    WAIT);
            PEERS.remove(otherAlice);
        }
        assertThat(cb.rosterChanges()).contains("+latecomer@cusax.test none");
        LoadStats after = port.contactStats();
        assertThat(after.vcardTempRequests() + after.vcard4Requests()).isEqualTo(before + 1 + 2);
    }

    @Test
    @Order(4)
    void aSecondStartShowsTheCachedContactsBeforeLoginAndSendsNoVcardRequest() throws Exception {
        port.stop();
        port = null;
        assertThat(Files.readString(cache.resolve("xmpp-alice@cusax.test/contacts.xml")))
                .contains("04 44 44 44 44").contains("tel:+33622222222").doesNotContain(alice.password());
        assertThat(Files.readString(cache.resolve("xmpp-alice@cusax.test/roster.xml")))
                .contains("latecomer@cusax.test").contains("ver=").doesNotContain(alice.password());

        RecordingCallbacks again = new RecordingCallbacks();
        port = start("alice", again, 8);
        again.awaitState(ConnectionState.ONLINE, WAIT);
        assertThat(again.awaitLoaded(1, WAIT)).isEqualTo(CONTACTS.size() + 1);
        List<String> log = again.log();
        assertThat(log.indexOf("roster " + (CONTACTS.size() + 1))).isLessThan(log.indexOf("status CONNECTING"));
        assertThat(again.tels("several" + D, TelSource.VCARD_TEMP)).hasValueSatisfying(t -> assertThat(t).hasSize(5));
        assertThat(again.tels("vfour" + D, TelSource.VCARD4)).contains(List.of(RawTel.of("tel:+33622222222", "work")));
        assertThat(again.tels("national" + D, TelSource.VCARD_TEMP)).contains(List.of(RawTel.of("04 44 44 44 44", "WORK")));
        assertThat(port.contactStats().vcardRequests()).isZero();
        assertThat(port.contactStats().contactsFromCache()).isEqualTo(CONTACTS.size() + 1);
        cb = again;
    }

    @Test
    @Order(5)
    void aThousandContactsArePipelinedAndAnUnchangedRosterCostsNothingNextTime() throws Exception {
        ProsodyStorage s = tb.prosody().storage();
        List<RosterEntry> roster = new ArrayList<>();
        for (int i = 1; i <= BULK; i++) {
            String name = String.format("c%04d", i);
            s.cloneAccount("alice", name);
            s.writeRoster(name, 1, List.of(new RosterEntry("bulk" + D, "Bulk", "both")));
            s.writeVcardTemp(name, vcard("<FN>Contact " + i + "</FN>" + (i % 3 == 0 ? ""
                    : "<TEL><CELL/><NUMBER>+33 6 00 00 " + i + "</NUMBER></TEL>")
                    + (i % 2 == 0 ? "<TEL><WORK/><VOICE/><NUMBER>sip:" + name + D + "</NUMBER></TEL>" : "")));
            roster.add(new RosterEntry(name + D, "Contact " + i, "both"));
        }
        s.cloneAccount("alice", "bulk");
        s.writeRoster("bulk", 1, roster);

        RecordingCallbacks first = new RecordingCallbacks();
        SmackChatPort one = start("bulk", first, ContactSettings.MAX_REQUESTS_IN_FLIGHT);
        try {
            assertThat(first.awaitLoaded(1, Duration.ofSeconds(90))).isEqualTo(BULK);
            LoadStats stats = one.contactStats();
            System.out.println("1,000 contacts, first start: " + stats + ", progress reports: " + first.loading().size());
            assertThat(stats.vcardTempRequests()).isEqualTo(BULK);
            assertThat(stats.vcard4Requests()).as("vCard4 by PEP, not requested").isZero();
            // all 1,000 requests are asked for at once: pipelined up to what the ack gate lets out (its bound is
            // checked by PipelinedContactsIT)
            assertThat(stats.maxInFlight()).isGreaterThan(100);
            // the first window went out before our initial presence, whose handling by the server (probes,
            // broadcast and PEP items for 1,000 contacts) would otherwise delay every answer
            // (more if answers came back meanwhile)
            assertThat(one.session().vcardRequestsBeforePresence()).isGreaterThan(100).isLessThanOrEqualTo(BULK);
            assertThat(first.loading()).first().isEqualTo("0/" + BULK);
            assertThat(first.loading()).last().isEqualTo(BULK + "/" + BULK);
            assertThat(first.tels("c0002" + D, TelSource.VCARD_TEMP)).contains(List.of(
                    RawTel.of("+33 6 00 00 2", "CELL"), RawTel.of("sip:c0002@cusax.test", "WORK", "VOICE")));
            assertThat(first.tels("c0003" + D, TelSource.VCARD_TEMP)).contains(List.of());
            assertThat(first.tels("c0999" + D, TelSource.VCARD_TEMP)).contains(List.of());
            assertThat(first.tels("c1000" + D, TelSource.VCARD_TEMP)).hasValueSatisfying(t -> assertThat(t).hasSize(2));
        } finally {
            one.stop();
        }

        RecordingCallbacks second = new RecordingCallbacks();
        SmackChatPort two = start("bulk", second, ContactSettings.MAX_REQUESTS_IN_FLIGHT);
        try {
            assertThat(second.awaitLoaded(1, WAIT)).isEqualTo(BULK);
            assertThat(second.tels("c0002" + D, TelSource.VCARD_TEMP)).hasValueSatisfying(t -> assertThat(t).hasSize(2));
            LoadStats stats = two.contactStats();
            System.out.println("1,000 contacts, second start: " + stats);
            assertThat(stats.vcardRequests()).isZero();
            assertThat(stats.contactsFromCache()).isEqualTo(BULK);
        } finally {
            two.stop();
        }
    }
}
