package org.cusax.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.Availability;
import org.cusax.core.contact.Contact;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.Presence;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.contact.TelSource;
import org.cusax.core.event.ContactUpdated;
import org.cusax.core.event.ContactsLoaded;
import org.cusax.core.event.EventBus;
import org.cusax.core.port.RosterItem;
import org.cusax.core.routing.RoutingDecision;
import org.cusax.core.testing.EventRecorder;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 7081 §4: the roster is the contact list, and contacts with a tel can be called over SIP. */
class CusaxClientContactsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ChannelSecurity TLS = ChannelSecurity.tls("TLSv1.3", "x", "cusax.test", "SCRAM-SHA-1");

    private final FakeChatPort chat = new FakeChatPort();
    private final FakeTelephonyPort telephony = new FakeTelephonyPort();
    private final EventRecorder recorder = new EventRecorder();
    private CusaxClient client;

    @BeforeEach
    void setUp() {
        client = new CusaxClient(TestAccounts.link("alice"), Optional.of(chat), Optional.of(telephony),
                new EventBus(), new ContactBook(new AddressNormalizer("FR")), TelPreference.defaults());
        client.subscribe(recorder);
        client.start();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void rosterPresenceAndTelsFromTheXmppHalfMakeCallableContacts() throws Exception {
        chat.callbacks().onRoster(List.of(new RosterItem("bob@cusax.test", "Bob", "both"),
                new RosterItem("carol@cusax.test", "", "both")));
        chat.callbacks().onPresence("bob@cusax.test", new Presence(Availability.AWAY, "lunch"));
        chat.callbacks().onTels("bob@cusax.test", TelSource.VCARD_TEMP,
                List.of(RawTel.of("06 12 34 56 78", "CELL", "VOICE"), RawTel.of("01 23 45 67 89", "FAX")));
        chat.callbacks().onContactsLoaded(2);

        assertThat(client.awaitContactsLoaded(WAIT)).isTrue();
        recorder.await(ContactsLoaded.class, e -> e.total() == 2, WAIT);
        Contact bob = client.contacts().stream().filter(c -> c.jid().equals("bob@cusax.test")).findFirst().orElseThrow();
        assertThat(bob.presence().availability()).isEqualTo(Availability.AWAY);
        assertThat(bob.callable()).isTrue();
        assertThat(bob.callableTels()).extracting(t -> t.normalized().orElseThrow()).containsExactly("tel:+33612345678");
        Contact carol = client.contacts().stream().filter(c -> c.jid().equals("carol@cusax.test")).findFirst().orElseThrow();
        assertThat(carol.callable()).isFalse();
        recorder.await(ContactUpdated.class, e -> e.contact().jid().equals("bob@cusax.test") && e.contact().callable(), WAIT);
    }

    @Test
    void routingUsesTheOnlineSipAccount() {
        chat.callbacks().onRoster(List.of(new RosterItem("bob@cusax.test", "Bob", "both")));
        chat.callbacks().onTels("bob@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("+33 6 12 34 56 78", "CELL")));

        assertThat(client.route("bob@cusax.test")).isInstanceOf(RoutingDecision.NoRoute.class);
        telephony.register(TLS);
        chat.goOnline(TLS);
        RoutingDecision decision = client.route("bob@cusax.test");
        assertThat(decision).isInstanceOfSatisfying(RoutingDecision.Route.class, r -> {
            assertThat(r.account().address()).isEqualTo("sip:alice@cusax.test");
            assertThat(r.address()).isEqualTo("tel:+33612345678");
            assertThat(r.contact()).contains("bob@cusax.test");
        });
    }

    @Test
    void badDataFromTheNetworkIsDroppedNotThrown() {
        chat.callbacks().onRoster(List.of(new RosterItem("not a jid", "x", "both")));
        chat.callbacks().onTels("nobody@cusax.test", TelSource.VCARD4, List.of(RawTel.of("garbage")));
        assertThat(client.contacts()).isEmpty();
    }
}
