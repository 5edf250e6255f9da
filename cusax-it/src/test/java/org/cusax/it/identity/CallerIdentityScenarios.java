package org.cusax.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.cusax.app.assembly.CusaxAssembly;
import org.cusax.app.cli.CusaxCli;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;
import org.cusax.core.call.MatchedBy;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.contact.Contact;
import org.cusax.core.event.CallEnded;
import org.cusax.core.event.IncomingCall;
import org.cusax.core.history.CallOutcome;
import org.cusax.core.history.CallRecord;
import org.cusax.core.history.HistoryEntry;
import org.cusax.core.service.Half;
import org.cusax.it.support.Await;
import org.cusax.it.support.ContactSeeder;
import org.cusax.it.support.RunningClient;
import org.cusax.it.support.XmppPeer;
import org.cusax.it.support.profile.ServiceProfile;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.process.Command;
import org.cusax.testbed.sip.SipTransport;
import org.cusax.testbed.sip.SippUa;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.jxmpp.jid.impl.JidCreate;

/**
 * RFC 7081 §5 / RFC 6993: bob's client binds incoming calls to his roster — alice's cusax client (by
 * Call-Info), a sipp caller presenting E.164 for a number bob's contact stores in national format (by
 * tel), a forged Call-Info (not believed), a number two contacts share (candidates). Carol, a third XMPP
 * user, sees bob "on the phone" during a call; bob's history survives a restart of his client.
 * Run against real Prosody + Kamailio ({@link CallerIdentityIT}) and the sandbox
 * ({@link CallerIdentitySandboxIT}); sipp is the outside caller and the answering UA on both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CallerIdentityScenarios {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final List<XMPPTCPConnection> peers = new ArrayList<>();
    private TestUser alice;
    private TestUser bob;
    private TestUser carol;
    private Map<String, String> bobSettings;
    private RunningClient bobClient;
    private RunningClient aliceClient;
    private XMPPTCPConnection carolWatching;
    private volatile Consumer<IncomingCall> bobAnswers = in -> { };

    /** The servers of this run, started once per class by the subclass's extension. */
    protected abstract ServiceProfile service();

    @BeforeAll
    void seedRosterAndStartClients() throws Exception {
        alice = service().createUser("alice");
        bob = service().createUser("bob");
        carol = service().createUser("carol");
        XMPPTCPConnection b = ContactSeeder.online(service(), bob);
        peers.add(b);
        XMPPTCPConnection a = ContactSeeder.online(service(), alice);
        peers.add(a);
        ContactSeeder.befriend(b, bob, a, alice);
        carolWatching = ContactSeeder.online(service(), carol);
        peers.add(carolWatching);
        ContactSeeder.befriend(b, bob, carolWatching, carol);
        seed(b, "national", "<FN>National</FN><TEL><CELL/><VOICE/><NUMBER>06 12 34 56 78</NUMBER></TEL>");
        seed(b, "sharea", "<FN>Share A</FN><TEL><WORK/><VOICE/><NUMBER>01 23 45 67 89</NUMBER></TEL>");
        seed(b, "shareb", "<FN>Share B</FN><TEL><HOME/><VOICE/><NUMBER>+33 1 23 45 67 89</NUMBER></TEL>");
        a.disconnect();
        peers.remove(a);
        b.disconnect();
        peers.remove(b);

        Path run = service().runDir();
        // the testbed's client configs keep the history in the run directory (history.dir)
        bobSettings = Map.of("contacts.default-region", "FR", "contacts.cache-dir", run.resolve("cache-bob").toString());
        aliceClient = RunningClient.start(service(), alice, SipTransport.TLS,
                Map.of("contacts.cache-dir", run.resolve("cache-alice").toString()));
        bobClient = startBob();
        aliceClient.await(Half.TELEPHONY, ConnectionState.ONLINE);
        aliceClient.await(Half.CHAT, ConnectionState.ONLINE);
        // alice's own client publishes her SIP address as reachability (XEP-0152): that is how bob's
        // contact "alice" owns the address her calls come from.
        Await.until("alice's SIP address in bob's contact list", WAIT, () -> contact(bobClient, alice.jid()),
                c -> c.tels().stream().anyMatch(t -> t.uri().equalsIgnoreCase(alice.sipAor())));
    }

    private RunningClient startBob() throws InterruptedException {
        RunningClient c = RunningClient.start(service(), bob, SipTransport.TLS, bobSettings);
        c.client().subscribe(event -> {
            if (event instanceof IncomingCall in) {
                bobAnswers.accept(in);
            }
        });
        c.await(Half.TELEPHONY, ConnectionState.ONLINE);
        c.await(Half.CHAT, ConnectionState.ONLINE);
        assertThat(c.client().awaitContactsLoaded(WAIT)).as("bob's contacts loaded").isTrue();
        Await.until("bob's contacts' numbers", WAIT, () -> c.client().contacts(),
                l -> l.stream().filter(x -> !x.tels().isEmpty()).count() >= 3);
        return c;
    }

    private void seed(XMPPTCPConnection b, String name, String vcardXml) throws Exception {
        TestUser u = service().createUser(name);
        XMPPTCPConnection c = ContactSeeder.online(service(), u);
        try {
            ContactSeeder.befriend(b, bob, c, u);
            ContactSeeder.vcardTemp(c, vcardXml);
        } finally {
            c.disconnect();
        }
    }

    private Contact contact(RunningClient client, String jid) {
        return client.client().contacts().stream().filter(c -> c.jid().equals(jid)).findFirst()
                .orElseThrow(() -> new AssertionError(jid + " is not in the contact list"));
    }

    @AfterAll
    void stop() {
        if (bobClient != null) {
            bobClient.close();
        }
        if (aliceClient != null) {
            aliceClient.close();
        }
        peers.forEach(XMPPTCPConnection::disconnect);
    }

    private String jid(String user) {
        return user + "@" + service().domain();
    }

    private Presence bobAsCarolSeesIt() {
        try {
            return Roster.getInstanceFor(carolWatching).getPresence(JidCreate.bareFrom(bob.jid()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** sipp calls bob through the proxy as {@code fromNumber}; bob's handler rejects with {@code status}. */
    private IncomingCall sippCalls(String fromNumber, String extraHeader, int status)
            throws InterruptedException {
        bobAnswers = in -> bobClient.client().reject(in.call().id(), status);
        int before = bobClient.events().of(IncomingCall.class).size();
        Command.Result r = service().sipp().callAs(bob.name(), fromNumber, "pstn.example", extraHeader);
        assertThat(r.exitCode()).as("sipp: %s", r.output()).isZero();
        IncomingCall in = Await.until("bob's incoming call from " + fromNumber, WAIT,
                () -> bobClient.events().of(IncomingCall.class), l -> l.size() > before).get(before);
        bobClient.events().await(CallEnded.class, e -> e.call().id().equals(in.call().id()), WAIT);
        return in;
    }

    @Test
    @Order(1)
    @DisplayName("RFC 7081 §5: another cusax client is bound by Call-Info; carol sees bob on the phone, then back")
    void cusaxCallerBoundByCallInfoAndPresenceFollowsTheCall() throws Exception {
        Await.until("carol sees bob available", WAIT, this::bobAsCarolSeesIt,
                p -> p.isAvailable() && p.getMode() == Presence.Mode.available);
        bobAnswers = in -> bobClient.client().answer(in.call().id(), AudioPlan.silent());
        Call call = aliceClient.client().placeCall(bob.sipAor(), AudioPlan.silent());
        IncomingCall in = bobClient.events().await(IncomingCall.class, e -> true, WAIT);
        assertThat(in.caller().contact()).as("%s", in.caller()).hasValueSatisfying(c -> {
            assertThat(c.jid()).isEqualTo(alice.jid());
            assertThat(c.matchedBy()).isEqualTo(MatchedBy.CALL_INFO);
        });
        // asserted by the trusted proxy for its authenticated user (RFC 3325)
        assertThat(in.caller().from()).isEqualToIgnoringCase(alice.sipAor());
        assertThat(in.caller().callInfoIgnored()).isEmpty();
        aliceClient.client().awaitCall(call.id(), CallState.ANSWERED, WAIT);

        Presence during = Await.until("carol sees bob on the phone", WAIT, this::bobAsCarolSeesIt,
                p -> p.getMode() == Presence.Mode.away);
        assertThat(during.getStatus()).isEqualTo("On the phone");

        // call → chat: bob writes to the contact the call is bound to
        bobClient.client().chatWithCaller(in.call().id(), "on my way");

        aliceClient.client().hangUp(call.id());
        bobClient.events().await(CallEnded.class, e -> e.call().id().equals(in.call().id()), WAIT);
        Presence after = Await.until("carol sees bob back", WAIT, this::bobAsCarolSeesIt,
                p -> p.getMode() == Presence.Mode.available);
        assertThat(after.getStatus()).isNullOrEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("RFC 7081 §5: a forged Call-Info naming a contact that does not own the number is not believed")
    void forgedCallInfoIsNotBelieved() throws Exception {
        IncomingCall in = sippCalls("+33612345678", "Call-Info: <xmpp:" + alice.jid() + ">;purpose=impp", 486);
        assertThat(in.caller().contact()).as("%s", in.caller())
                .hasValueSatisfying(c -> assertThat(c.matchedBy()).isNotEqualTo(MatchedBy.CALL_INFO));
        assertThat(in.caller().boundJid()).isNotEqualTo(Optional.of(alice.jid()));
        assertThat(in.caller().callInfoIgnored()).hasValueSatisfying(r -> assertThat(r).contains(alice.jid()));
    }

    @Test
    @Order(3)
    @DisplayName("RFC 7081 §5: no Call-Info, E.164 presented, national format in the vCard: bound by tel")
    void e164CallerBoundToNationalVcard() throws Exception {
        IncomingCall in = sippCalls("+33612345678", "", 603);
        assertThat(in.caller().contact()).as("%s", in.caller()).hasValueSatisfying(c -> {
            assertThat(c.jid()).isEqualTo(jid("national"));
            assertThat(c.matchedBy()).isEqualTo(MatchedBy.TEL);
        });
        assertThat(in.caller().display()).isEqualTo("06 12 34 56 78");
        assertThat(in.caller().callInfoIgnored()).isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("two contacts share the number: not bound, both are candidates")
    void sharedNumberListsCandidates() throws Exception {
        IncomingCall in = sippCalls("+33123456789", "", 486);
        assertThat(in.caller().contact()).as("%s", in.caller()).isEmpty();
        assertThat(in.caller().candidates()).containsExactly(jid("sharea"), jid("shareb"));
    }

    @Test
    @Order(5)
    @DisplayName("RFC 3325 §5: a P-Asserted-Identity forged by an outside caller is removed by the proxy; From counts")
    void forgedAssertedIdentityDoesNotBind() throws Exception {
        IncomingCall in = sippCalls("+33987654321", "P-Asserted-Identity: <tel:+33612345678>", 486);
        assertThat(in.caller().from()).isEqualTo("sip:+33987654321@pstn.example;user=phone");
        assertThat(in.caller().contact()).as("%s", in.caller()).isEmpty();
        assertThat(in.caller().display()).isEqualTo("09 87 65 43 21");
    }

    @Test
    @Order(6)
    @DisplayName("the history lists the calls with their outcomes and the chat after bob's client restarts")
    void historySurvivesARestart() throws Exception {
        bobClient.close();
        bobClient = null;
        bobClient = startBob();
        List<HistoryEntry> all = bobClient.client().history(Optional.empty(), 0);
        assertThat(all).filteredOn(e -> e instanceof CallRecord).extracting(e -> ((CallRecord) e).outcome())
                .containsExactly(CallOutcome.ANSWERED, CallOutcome.BUSY, CallOutcome.REJECTED, CallOutcome.BUSY,
                        CallOutcome.BUSY);
        CallRecord answered = (CallRecord) all.stream().filter(e -> e instanceof CallRecord).findFirst().orElseThrow();
        assertThat(answered.contact()).contains(alice.jid());
        assertThat(answered.duration()).isPositive();

        Path conf = bobClient.configFile();
        assertThat(Files.readString(conf)).contains("history.dir = " + service().runDir().resolve("history"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = new CusaxCli(new CusaxAssembly(), Map.of(), Path.of(System.getProperty("user.home")), ps, ps)
                .execute("history", "-c", conf.toString(), "--contact", alice.jid(), "--json");
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(json).isZero();
        String[] lines = json.strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"kind\":\"call\"").contains("\"outcome\":\"answered\"");
        assertThat(lines[1]).contains("\"kind\":\"chat\"").contains("\"body\":\"on my way\"");
    }

    @Test
    @Order(7)
    @DisplayName("RFC 7081 §5: our INVITE carries Call-Info with our JID; sip.call-info = false sends none (privacy)")
    void callInfoIsSentUnlessSwitchedOff() throws Exception {
        TestUser dora = service().createUser("dora");
        TestUser loud = service().createUser("loud");
        TestUser quiet = service().createUser("quiet");
        Path run = service().runDir();
        try (SippUa ua = service().sipp().answeringUa("dora")) {
            assertThat(service().sipProbe().register("dora", dora.password(), ua.contact(), 60).status())
                    .isEqualTo(200);
            for (TestUser caller : List.of(loud, quiet)) {
                Map<String, String> settings = Map.of("sip.call-info", caller == quiet ? "false" : "true",
                        "contacts.cache-dir", run.resolve("cache-" + caller.name()).toString());
                try (RunningClient c = RunningClient.start(service(), caller, SipTransport.UDP, settings)) {
                    c.await(Half.TELEPHONY, ConnectionState.ONLINE);
                    c.await(Half.CHAT, ConnectionState.ONLINE);
                    Call call = c.client().placeCall(dora.sipAor(), AudioPlan.silent());
                    c.client().awaitCall(call.id(), CallState.ANSWERED, WAIT);
                    c.client().hangUp(call.id());
                    c.events().await(CallEnded.class, e -> e.call().id().equals(call.id()), WAIT);
                }
            }
            List<String> invites = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("INVITE sip:dora@[\\s\\S]*?\\r?\\n\\r?\\n")
                    .matcher(ua.messages());
            while (m.find()) {
                invites.add(m.group());
            }
            String fromLoud = invites.stream().filter(i -> i.contains("sip:" + loud.name() + "@")).findFirst()
                    .orElseThrow(() -> new AssertionError("no INVITE from loud in " + ua.messages()));
            String fromQuiet = invites.stream().filter(i -> i.contains("sip:" + quiet.name() + "@")).findFirst()
                    .orElseThrow(() -> new AssertionError("no INVITE from quiet in " + ua.messages()));
            assertThat(fromLoud).containsIgnoringCase("Call-Info: <xmpp:" + loud.jid() + ">;purpose=impp");
            assertThat(fromQuiet).doesNotContainIgnoringCase("Call-Info").doesNotContain("xmpp:");
        }
    }

    @Test
    @Order(7)
    @DisplayName("RFC 7081 §5: Call-Info privacy switched in the running session applies to the very next INVITE")
    void callInfoSwitchedInTheRunningSessionAppliesAtOnce() throws Exception {
        TestUser fay = service().createUser("fay");
        TestUser turncoat = service().createUser("turncoat");
        try (SippUa ua = service().sipp().answeringUa("fay")) {
            assertThat(service().sipProbe().register("fay", fay.password(), ua.contact(), 60).status())
                    .isEqualTo(200);
            Map<String, String> settings = Map.of("sip.call-info", "true",
                    "contacts.cache-dir", service().runDir().resolve("cache-" + turncoat.name()).toString());
            try (RunningClient c = RunningClient.start(service(), turncoat, SipTransport.UDP, settings)) {
                c.await(Half.TELEPHONY, ConnectionState.ONLINE);
                c.await(Half.CHAT, ConnectionState.ONLINE);
                for (boolean on : List.of(true, false, true)) {
                    c.client().setCallInfo(on); // what the `setting sip.call-info` command does, no restart
                    Call call = c.client().placeCall(fay.sipAor(), AudioPlan.silent());
                    c.client().awaitCall(call.id(), CallState.ANSWERED, WAIT);
                    c.client().hangUp(call.id());
                    c.events().await(CallEnded.class, e -> e.call().id().equals(call.id()), WAIT);
                }
            }
            List<String> invites = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("INVITE sip:fay@[\\s\\S]*?\\r?\\n\\r?\\n")
                    .matcher(ua.messages());
            while (m.find()) {
                java.util.regex.Matcher id = java.util.regex.Pattern.compile("(?im)^(?:Call-ID|i):\\s*(\\S+)")
                        .matcher(m.group());
                String callId = id.find() ? id.group(1) : m.group();
                boolean retransmission = invites.stream().anyMatch(i -> i.contains(callId));
                if (m.group().contains("sip:" + turncoat.name() + "@") && !retransmission) {
                    invites.add(m.group()); // one per call (a UDP retransmission has the same Call-ID)
                }
            }
            assertThat(invites).as("the three INVITEs as sipp received them:\n%s", ua.messages()).hasSize(3);
            assertThat(invites.get(0)).containsIgnoringCase("Call-Info: <xmpp:" + turncoat.jid() + ">;purpose=impp");
            assertThat(invites.get(1)).as("switched off: no header").doesNotContainIgnoringCase("Call-Info")
                    .doesNotContain("xmpp:");
            assertThat(invites.get(2)).as("switched on again")
                    .containsIgnoringCase("Call-Info: <xmpp:" + turncoat.jid() + ">;purpose=impp");
        }
    }

    @Test
    @Order(8)
    @DisplayName("RFC 3261 §21.4.24: with presence.busy-when-on-phone a call arriving during a call gets 486 Busy Here")
    void busyWhenOnThePhone() throws Exception {
        TestUser ella = service().createUser("ella");
        TestUser busy = service().createUser("busy");
        try (SippUa ua = service().sipp().answeringUa("ella");
             RunningClient c = RunningClient.start(service(), busy, SipTransport.UDP,
                     Map.of("presence.busy-when-on-phone", "true",
                             "contacts.cache-dir", service().runDir().resolve("cache-busy").toString()))) {
            assertThat(service().sipProbe().register("ella", ella.password(), ua.contact(), 60).status())
                    .isEqualTo(200);
            c.await(Half.TELEPHONY, ConnectionState.ONLINE);
            Call up = c.client().placeCall(ella.sipAor(), AudioPlan.silent());
            assertThat(c.client().awaitCall(up.id(), CallState.ANSWERED, WAIT)).hasValueSatisfying(
                    x -> assertThat(x.state()).isEqualTo(CallState.ANSWERED));

            Command.Result second = service().sipp().callAs(busy.name(), "+33987654321", "pstn.example", "");
            assertThat(second.exitCode()).as("sipp got 486: %s", second.output()).isZero();
            IncomingCall in = c.events().await(IncomingCall.class, e -> true, WAIT);
            CallEnded ended = c.events().await(CallEnded.class, e -> e.call().id().equals(in.call().id()), WAIT);
            assertThat(ended.reason().sipStatus()).hasValue(486);
            assertThat(c.client().calls()).filteredOn(x -> x.id().equals(up.id()))
                    .singleElement().satisfies(x -> assertThat(x.state()).isEqualTo(CallState.ANSWERED));
            c.client().hangUp(up.id());
            c.events().await(CallEnded.class, e -> e.call().id().equals(up.id()), WAIT);
        }
    }
}
