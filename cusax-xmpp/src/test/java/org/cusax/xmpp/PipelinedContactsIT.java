package org.cusax.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.cusax.core.account.Account;
import org.cusax.core.config.ContactSettings;
import org.cusax.core.config.XmppSettings;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.contact.TelSource;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.relay.TcpRelay;
import org.cusax.testbed.prosody.ProsodyStorage;
import org.cusax.testbed.prosody.ProsodyStorage.RosterEntry;
import org.cusax.core.testing.Eventually;
import org.cusax.xmpp.connection.AckGate;
import org.cusax.xmpp.contacts.LoadStats;
import org.cusax.xmpp.testing.RecordingCallbacks;
import org.cusax.xmpp.testing.XmppAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;

/**
 * XEP-0198 §4 (acks) with thousands of pipelined requests against a real Prosody 0.12: 1,500 contacts,
 * 3,000 vCard requests (vcard-temp + vCard4 each) with stream management on, as many in flight as the
 * loader allows, and Prosody's PEP asking our caps of every contact at the initial presence (1,500
 * disco#info answers from Smack, caps priming off: the default). Smack 4.4.8 deadlocks when its writer
 * blocks on a full unacknowledged-stanza queue (1,024) while its reader blocks queueing the {@code <a/>}
 * the server asked for into the full writer queue (500); reproduced before with a window of 1,000. What
 * prevents it is {@link AckGate}: every stanza waits while 400 are unacknowledged (a message weighs 2), so neither queue can
 * fill; the tests assert the most ever unacknowledged. Also stopped while requests are in flight: the
 * stop must close the stream and end Smack's threads. Bounded: on a timeout the test fails with a dump
 * of every thread instead of hanging.
 */
class PipelinedContactsIT {
    private static final int CONTACTS = 1500;
    private static final String D = "@cusax.test";
    private static Testbed tb;
    private static TestUser template;

    @BeforeAll
    static void seed() throws Exception {
        tb = Testbed.start(TestbedOptions.defaults().withKamailio(false));
        template = tb.createUser("template");
        ProsodyStorage s = tb.prosody().storage();
        List<RosterEntry> roster = new ArrayList<>();
        for (int i = 1; i <= CONTACTS; i++) {
            String name = String.format("p%05d", i);
            s.cloneAccount("template", name);
            s.writeRoster(name, 1, List.of(new RosterEntry("many" + D, "Many", "both")));
            s.writeVcardTemp(name, "<vCard xmlns='vcard-temp'><FN>P " + i + "</FN><TEL><CELL/><NUMBER>+33 6 10 "
                    + String.format("%02d %02d %02d", i / 10000, (i / 100) % 100, i % 100) + "</NUMBER></TEL></vCard>");
            roster.add(new RosterEntry(name + D, "P " + i, "both"));
        }
        s.cloneAccount("template", "many");
        s.writeRoster("many", 1, roster);
    }

    @AfterAll
    static void stop() {
        if (tb != null) {
            tb.close();
        }
    }

    private static SmackChatPort port() {
        return port(tb.prosody().c2sPort());
    }

    private static SmackChatPort port(int c2sPort) {
        Account account = XmppAccounts.account("many", template.password(), c2sPort, tb.caCertificate());
        // stream management on; a reply timeout that a loaded 2-core machine sending 1,500 roster items meets
        XmppSettings settings = new XmppSettings("cusax", false, Duration.ofSeconds(10), Duration.ofSeconds(30), true);
        return new SmackChatPort(account, settings, XmppAccounts.backoff(Duration.ofMillis(200)),
                new ContactSettings("FR", TelPreference.defaults(), Optional.empty(),
                        ContactSettings.MAX_REQUESTS_IN_FLIGHT, true), Optional.empty());
    }

    @Test
    void threeThousandPipelinedVcardRequestsWithStreamManagementAllGetAnswered() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        SmackChatPort port = port();
        port.start(cb);
        thenStop(port, Duration.ofSeconds(20), () -> {
            cb.awaitState(ConnectionState.ONLINE, Duration.ofSeconds(30));
            assertThat(port.session().connection().isSmEnabled()).as("XEP-0198 enabled").isTrue();
            try {
                assertThat(cb.awaitLoaded(1, Duration.ofSeconds(120))).isEqualTo(CONTACTS);
            } catch (AssertionError timeout) {
                System.out.println("contacts not loaded in time: " + port.contactStats() + "; threads:\n" + threadDump());
                throw new AssertionError("contacts not loaded in time; threads:\n" + threadDump(), timeout);
            }
            LoadStats stats = port.contactStats();
            System.out.println(CONTACTS + " contacts with stream management: " + stats);
            // one request of each kind per contact, plus the retries of requests left unanswered within the
            // reply timeout (seen on a 2-core machine at load 20: Prosody answered some after 30 s)
            assertThat(stats.vcardTempRequests()).isGreaterThanOrEqualTo(CONTACTS);
            // vCard4 comes by PEP after our presence (XEP-0163 §6.1.1) when the burst is known complete: no
            // request; else (Prosody's 1,500 caps queries still being answered after three pings) it is
            // requested for every contact. Either way each request is counted once plus its retries.
            long vcard4 = stats.vcard4Requests() == 0 ? 0 : CONTACTS;
            assertThat(stats.vcard4Requests() == 0 || stats.vcard4Requests() >= CONTACTS)
                    .as("vCard4 requests: none or one per contact, got " + stats.vcard4Requests()).isTrue();
            assertThat(stats.vcardRequests()).isEqualTo(CONTACTS + vcard4 + stats.retries());
            assertThat(stats.contactsFetched()).isEqualTo(CONTACTS);
            assertThat(stats.maxInFlight()).isBetween(1, ContactSettings.MAX_REQUESTS_IN_FLIGHT);
            AckGate acks = port.session().acks();
            System.out.println("ack gate: peak " + acks.peak() + " unacknowledged, " + acks.waits() + " waits");
            // the gate was reached (the test exercised it) and never exceeded: Smack's queues never filled
            assertThat(acks.peak()).isGreaterThanOrEqualTo(AckGate.LIMIT * 5 / 6)
                    .isLessThanOrEqualTo(AckGate.LIMIT + AckGate.MARGIN);
            for (int i = 1; i <= CONTACTS; i++) {
                String name = String.format("p%05d", i);
                assertThat(cb.tels(name + D, TelSource.VCARD_TEMP)).as(name).contains(List.of(RawTel.of(
                        "+33 6 10 " + String.format("%02d %02d %02d", i / 10000, (i / 100) % 100, i % 100), "CELL")));
                assertThat(cb.tels(name + D, TelSource.VCARD4)).as(name).contains(List.of());
            }
            assertThat(port.session().connection().isSmEnabled()).as("still the same managed stream").isTrue();
        });
    }

    /**
     * Application stanzas from several threads at once while the contacts load: 2,000 messages (Smack asks
     * for an ack after each message, the heaviest case for its writer queue) to an offline contact. Every
     * send returns, the gate made senders wait instead of letting Smack's queues fill, and once the server
     * has acknowledged everything the count is back to zero: it is exact, nothing drifts.
     */
    @Test
    void twoThousandMessagesFromFourThreadsDuringTheLoadWaitForAcksInsteadOfFillingSmacksQueues() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        SmackChatPort port = port();
        port.start(cb);
        thenStop(port, Duration.ofSeconds(20), () -> {
            cb.awaitState(ConnectionState.ONLINE, Duration.ofSeconds(30));
            var connection = port.session().connection();
            AckGate acks = port.session().acks();
            var to = org.jxmpp.jid.impl.JidCreate.entityBareFrom("p00001" + D);
            List<Thread> senders = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
            for (int t = 0; t < 4; t++) {
                Thread sender = new Thread(() -> {
                    for (int i = 0; i < 500; i++) {
                        try {
                            connection.sendStanza(connection.getStanzaFactory().buildMessageStanza().to(to)
                                    .setBody("m" + i).build());
                            sent.incrementAndGet();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }, "test-sender-" + t);
                sender.setDaemon(true);
                sender.start();
                senders.add(sender);
            }
            for (Thread sender : senders) {
                sender.join(Duration.ofSeconds(90).toMillis());
                if (sender.isAlive()) {
                    throw new AssertionError("a sender is stuck; threads:\n" + threadDump());
                }
            }
            assertThat(sent.get()).isEqualTo(2000);
            assertThat(cb.awaitLoaded(1, Duration.ofSeconds(120))).isEqualTo(CONTACTS);
            System.out.println("ack gate with 2,000 messages: peak " + acks.peak() + ", " + acks.waits() + " waits");
            assertThat(acks.waits()).as("senders waited for acks").isPositive();
            assertThat(acks.peak()).isLessThanOrEqualTo(AckGate.LIMIT + AckGate.MARGIN);
            connection.requestSmAcknowledgement();
            assertThat(Eventually.holds(() -> acks.outstanding() == 0, Duration.ofSeconds(20)))
                    .as("all acknowledged, count back to 0 (now " + acks.outstanding() + ")").isTrue();
        });
    }

    /**
     * XEP-0198 §5: the connection is cut (RST) while hundreds of requests are in flight. Smack restarts its
     * writer before the stream is resumed; what other threads send meanwhile waits at the gate instead of
     * piling up as unacknowledged (the 10,000-contact benchmark deadlocked there). The stream is resumed or, when
     * the cut left Prosody's parser inside a stanza (most runs: the requests go out in bursts), given up for a new
     * session ({@code ResumedStreamCheck}, {@code ResumedStreamIT}); the interrupted loading goes on, every
     * contact's number is known and the gate's count returns to 0.
     */
    @Test
    void aConnectionCutWhileRequestsAreInFlightIsResumedAndTheLoadingCompletes() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        throughRelay(cb, Duration.ofSeconds(20), (relay, port) -> {
            cb.awaitState(ConnectionState.ONLINE, Duration.ofSeconds(30));
            List<String> trace = traceStreams(port.session().connection(), port.session().acks());
            cb.awaitTelsEvents(300, Duration.ofSeconds(60));
            assertThat(port.contactStats().contactsFetched()).as("still loading when cut").isLessThan(CONTACTS);
            trace.add("cut at weight " + port.session().acks().outstanding());
            relay.cut();
            cb.awaitState(ConnectionState.RECONNECTING, Duration.ofSeconds(30));
            cb.awaitState(ConnectionState.ONLINE, 2, Duration.ofSeconds(60));
            // resumed, unless the cut left Prosody's parser inside a stanza: then given up for a new session
            boolean resumed = port.session().connection().streamWasResumed();
            List<String> reasons = cb.statuses().stream().flatMap(s -> s.reason().stream())
                    .map(FailureReason::message).toList();
            System.out.println("after the cut: " + (resumed ? "the stream resumed" : "a new session")
                    + "; " + reasons);
            if (!resumed) {
                assertThat(reasons).as("why the resumed stream was given up")
                        .anyMatch(r -> r.contains("not-well-formed")
                                || r.contains("the server did not answer on the resumed stream")
                                || r.contains("the server closed the stream right after resuming it"));
            }
            try {
                assertThat(cb.awaitLoaded(1, Duration.ofSeconds(120))).isEqualTo(CONTACTS);
            } catch (AssertionError timeout) {
                throw new AssertionError("contacts not loaded after the resumption: " + port.contactStats()
                        + "; threads:\n" + threadDump(), timeout);
            }
            LoadStats stats = port.contactStats();
            System.out.println("after the cut: " + stats + ", ack gate peak " + port.session().acks().peak()
                    + "; streams: " + trace);
            assertThat(stats.contactsFetched()).as("contacts fetched, each once; streams: " + trace)
                    .isEqualTo(CONTACTS);
            assertThat(stats.vcardTempRequests()).isGreaterThanOrEqualTo(CONTACTS);
            for (int i = 1; i <= CONTACTS; i += 149) {
                String name = String.format("p%05d", i);
                assertThat(cb.tels(name + D, TelSource.VCARD_TEMP)).as(name).isPresent();
            }
            assertThat(port.session().acks().peak()).isLessThanOrEqualTo(AckGate.LIMIT + AckGate.MARGIN);
            XMPPTCPConnection connection = port.session().connection();
            connection.requestSmAcknowledgement();
            AckGate acks = port.session().acks();
            assertThat(Eventually.holds(() -> acks.outstanding() == 0, Duration.ofSeconds(20)))
                    .as(() -> "all acknowledged (now " + acks.outstanding() + "; streams: " + trace + ")")
                    .isTrue();
        });
    }

    /** What happens to the streams of {@code connection} from now on, with the gate's weight at each step. */
    private static List<String> traceStreams(XMPPTCPConnection connection, AckGate acks) {
        List<String> trace = new CopyOnWriteArrayList<>();
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                trace.add((resumed ? "resumed" : "new session") + " at weight " + acks.outstanding());
            }

            @Override
            public void connectionClosed() {
                trace.add("closed at weight " + acks.outstanding());
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                trace.add("closed on error (" + e.toString().lines().findFirst().orElse("") + ") at weight "
                        + acks.outstanding());
            }
        });
        return trace;
    }

    /**
     * XEP-0199 keepalive while the server has stopped reading and the gate is full: the ping is not held at the
     * gate (a stalled server never sends the acknowledgements it would wait for), so it goes out and fails within
     * the reply timeout, which is how a silently dead stream is found. Before, it waited at the gate for good.
     */
    @Test
    void aKeepalivePingIsNotHeldAtAFullGateSoAStalledServerIsFoundOut() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        throughRelay(cb, Duration.ofSeconds(20), (relay, port) -> {
            cb.awaitState(ConnectionState.ONLINE, Duration.ofSeconds(30));
            XMPPTCPConnection connection = port.session().connection();
            AckGate acks = port.session().acks();
            relay.pause();
            var to = org.jxmpp.jid.impl.JidCreate.entityBareFrom("p00001" + D);
            Thread sender = new Thread(() -> {
                try {
                    for (int i = 0; i < AckGate.LIMIT; i++) {
                        connection.sendStanza(connection.getStanzaFactory().buildMessageStanza().to(to)
                                .setBody("m" + i).build());
                    }
                } catch (Exception e) {
                    // the stream closed under it: the test fails on its own assertions
                }
            }, "test-sender");
            sender.setDaemon(true);
            sender.start();
            assertThat(Eventually.holds(() -> acks.outstanding() >= AckGate.LIMIT, Duration.ofSeconds(30)))
                    .as("gate full (" + acks.outstanding() + ")").isTrue();
            CompletableFuture<Boolean> ping = CompletableFuture.supplyAsync(() -> {
                try {
                    return PingManager.getInstanceFor(connection).pingMyServer(false, 1000);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // held at the gate it would not return until the relay resumes
            assertThat(ping.get(60, TimeUnit.SECONDS)).as("ping answered by a stalled server").isFalse();
            relay.resume();
            sender.join(Duration.ofSeconds(60).toMillis());
            assertThat(sender.isAlive()).as("sender still held").isFalse();
        });
    }

    /**
     * Stopping (Ctrl-C) while the server has stopped reading: Smack's disconnect waits for the server's closing
     * stream tag for the whole reply timeout (30 s here) holding the connection's monitor; the stop wakes it when
     * its own budget (5 s) is spent instead of waiting that out.
     */
    @Test
    void stoppingWhileTheServerHasStoppedReadingEndsWithinTheStopBudget() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        // the port must stop within 15 s: less than the reply timeout, three times its stop budget
        throughRelay(cb, Duration.ofSeconds(15), (relay, port) -> {
            cb.awaitState(ConnectionState.ONLINE, Duration.ofSeconds(30));
            relay.pause();
        });
        assertThat(cb.last().state()).isEqualTo(ConnectionState.OFFLINE);
    }

    @Test
    void stoppingWhileHundredsOfRequestsAreInFlightClosesTheStreamAndEndsSmacksThreads() throws Exception {
        RecordingCallbacks cb = new RecordingCallbacks();
        SmackChatPort port = port();
        port.start(cb);
        thenStop(port, Duration.ofSeconds(20), () -> {
            cb.awaitState(ConnectionState.ONLINE, Duration.ofSeconds(30));
            cb.awaitTelsEvents(300, Duration.ofSeconds(60));
            assertThat(port.contactStats().contactsFetched()).as("still loading when stopped").isLessThan(CONTACTS);
        });
        assertThat(cb.last().state()).isEqualTo(ConnectionState.OFFLINE);
        int counter = port.session().connection().getConnectionCounter();
        String reader = "Smack Reader (" + counter + ")";
        String writer = "Smack Writer (" + counter + ")";
        boolean ended = Eventually.holds(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals(reader) || t.getName().equals(writer)), Duration.ofSeconds(10));
        if (!ended) {
            System.out.println("Smack threads still alive; threads:\n" + threadDump());
        }
        assertThat(ended).as("Smack's reader and writer threads ended").isTrue();
    }

    /** A test's body with a port connected through a relay. */
    @FunctionalInterface
    private interface RelayedBody {
        void run(TcpRelay relay, SmackChatPort port) throws Exception;
    }

    /** Runs {@code body} with a port started through a new relay in front of Prosody, then stops it (thenStop). */
    private static void throughRelay(RecordingCallbacks cb, Duration stopBudget, RelayedBody body) throws Exception {
        try (TcpRelay relay = new TcpRelay(tb.prosody().c2sPort())) {
            SmackChatPort port = port(relay.port());
            port.start(cb);
            thenStop(port, stopBudget, () -> body.run(relay, port));
        }
    }

    /** A test's body. */
    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    /**
     * Runs a test's body, then stops the port within {@code budget}; when the body fails, that failure is the one
     * reported, with a stop that failed too under it (it no longer hides the body's assertion).
     */
    private static void thenStop(SmackChatPort port, Duration budget, Body body) throws Exception {
        try {
            body.run();
        } catch (Throwable failure) {
            try {
                stopWithin(port, budget);
            } catch (Throwable stop) {
                failure.addSuppressed(stop);
            }
            throw failure;
        }
        stopWithin(port, budget);
    }

    /** A deadlocked Smack connection cannot even be shut down: never let that hang the build. */
    private static void stopWithin(SmackChatPort port, Duration budget) throws InterruptedException {
        Thread stopper = new Thread(port::stop, "test-stop");
        stopper.setDaemon(true);
        stopper.start();
        stopper.join(budget.toMillis());
        if (stopper.isAlive()) {
            System.out.println("port not stopped in time; threads:\n" + threadDump());
        }
        assertThat(stopper.isAlive()).as("port stopped within " + budget).isFalse();
    }

    private static String threadDump() {
        StringBuilder b = new StringBuilder();
        for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            b.append(t.toString());
            for (StackTraceElement e : t.getStackTrace()) {
                b.append("\tat ").append(e).append('\n');
            }
        }
        return b.toString();
    }
}
