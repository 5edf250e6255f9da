package org.cusax.it.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cusax.core.connection.ConnectionState;
import org.cusax.core.contact.Contact;
import org.cusax.core.event.ContactsCapped;
import org.cusax.core.service.Half;
import org.cusax.it.support.Await;
import org.cusax.it.support.ContactSeeder;
import org.cusax.it.support.RawIq;
import org.cusax.it.support.RunningClient;
import org.cusax.it.support.profile.ServiceProfileExtension;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.sip.SipTransport;
import org.jivesoftware.smack.ConnectionCreationListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPConnectionRegistry;
import org.jivesoftware.smack.packet.IQ;
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
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14 item 4 (huge rosters) on real Prosody, with {@code contacts.max-roster = 5}: the server's roster
 * result (RFC 6121 §2.1.3) holds 12 items, then roster pushes (§2.1.6) add more while our client is online.
 * The contact list keeps the first 5 by address, the user is warned ({@code contacts-capped}), the client stays
 * online on both halves, a push into the full list is ignored, and a removal makes room for the next push. The
 * result is cut while Smack parses it: Smack's own {@link Roster} of the client's connection holds only those 5.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRosterSizeIT {
    @RegisterExtension
    static final ServiceProfileExtension SERVICE = ServiceProfileExtension.realServers(TestbedOptions.defaults());
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int LIMIT = 5;

    private TestUser alice;
    private XMPPTCPConnection aliceElsewhere;
    private RunningClient client;
    /** The Smack connections created while our client started (Smack announces each one it creates). */
    private final List<XMPPConnection> clientConnections = new CopyOnWriteArrayList<>();

    /** RFC 6121 §2.3: one roster set per item, as another client of alice's would send it. */
    private void rosterSet(String localpart, boolean remove) throws Exception {
        String item = "<item jid='" + localpart + "@" + SERVICE.profile().domain() + "'"
                + (remove ? " subscription='remove'/>" : " name='" + localpart + "'/>");
        aliceElsewhere.createStanzaCollectorAndSend(new RawIq("query", "jabber:iq:roster", item, IQ.Type.set))
                .nextResultOrThrow();
    }

    private static String jid(String localpart) {
        return localpart + "@" + SERVICE.profile().domain();
    }

    private List<String> contacts() {
        return client.client().contacts().stream().map(Contact::jid).sorted().toList();
    }

    @BeforeAll
    void aliceHasAHugeRosterAndLogsIn() throws Exception {
        alice = SERVICE.profile().createUser("alice");
        aliceElsewhere = ContactSeeder.online(SERVICE.profile(), alice);
        for (int i = 11; i >= 0; i--) {
            rosterSet(String.format("r%02d", i), false);
        }
        ConnectionCreationListener created = clientConnections::add;
        XMPPConnectionRegistry.addConnectionCreationListener(created);
        try {
            client = RunningClient.start(SERVICE.profile(), alice, SipTransport.TLS,
                    Map.of("contacts.max-roster", String.valueOf(LIMIT)));
            client.await(Half.CHAT, ConnectionState.ONLINE);
            client.await(Half.TELEPHONY, ConnectionState.ONLINE);
            assertThat(client.client().awaitContactsLoaded(WAIT)).as("contacts loaded").isTrue();
        } finally {
            XMPPConnectionRegistry.removeConnectionCreationListener(created);
        }
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.close();
        }
        if (aliceElsewhere != null) {
            aliceElsewhere.disconnect();
        }
    }

    @Test
    @Order(1)
    @DisplayName("RFC 6121 §2.1.3: a roster of 12 with contacts.max-roster = 5 shows the first 5 by address, with a warning")
    void theRosterIsCutToTheLimitWithAWarning() throws Exception {
        assertThat(contacts()).containsExactly(jid("r00"), jid("r01"), jid("r02"), jid("r03"), jid("r04"));
        ContactsCapped capped = client.events().await(ContactsCapped.class, c -> c.ignored() == 7, WAIT);
        assertThat(capped.kept()).isEqualTo(LIMIT);
        assertThat(capped.message()).contains("contacts.max-roster = 5", "7 contacts were ignored");
        assertThat(client.status(Half.CHAT).state()).isEqualTo(ConnectionState.ONLINE);
        assertThat(client.status(Half.TELEPHONY).state()).isEqualTo(ConnectionState.ONLINE);
    }

    @Test
    @Order(2)
    @DisplayName("RFC 6121 §2.1.3: Smack's own roster of the client's connection holds only the 5 kept, cut while parsing")
    void smacksRosterHoldsOnlyTheLimit() {
        assertThat(smacksRoster()).containsExactlyInAnyOrder(jid("r00"), jid("r01"), jid("r02"), jid("r03"), jid("r04"));
    }

    /** The JIDs in Smack's own {@link Roster} of the client's connection. */
    private List<String> smacksRoster() {
        XMPPConnection connection = clientConnections.stream().filter(XMPPConnection::isAuthenticated)
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no client connection seen"));
        return Roster.getInstanceFor(connection).getEntries().stream().map(e -> e.getJid().toString()).toList();
    }

    @Test
    @Order(3)
    @DisplayName("RFC 6121 §2.1.6: a push into the full list is ignored with a warning, by Smack's roster too; after a removal the next push is taken")
    void pushesBeyondTheLimitAreIgnored() throws Exception {
        rosterSet("a-pushed", false); // sorts first, but the list is full: ignored
        client.events().await(ContactsCapped.class, c -> c.ignored() == 1 && c.kept() == LIMIT, WAIT);
        assertThat(contacts()).doesNotContain(jid("a-pushed")).hasSize(LIMIT);
        assertThat(smacksRoster()).as("dropped before Smack's roster").doesNotContain(jid("a-pushed")).hasSize(LIMIT);

        rosterSet("r02", true);
        Await.until("r02 removed", WAIT, () -> !contacts().contains(jid("r02")));
        rosterSet("b-pushed", false);
        Await.until("b-pushed added", WAIT, () -> contacts().contains(jid("b-pushed")));
        assertThat(contacts()).hasSize(LIMIT).doesNotContain(jid("a-pushed"));
        assertThat(smacksRoster()).containsExactlyInAnyOrderElementsOf(contacts());
        assertThat(client.status(Half.CHAT).state()).isEqualTo(ConnectionState.ONLINE);
    }
}
