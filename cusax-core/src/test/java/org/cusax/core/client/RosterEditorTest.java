package org.cusax.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.Contact;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.event.ContactUpdated;
import org.cusax.core.event.EventBus;
import org.cusax.core.event.SubscriptionRequest;
import org.cusax.core.port.RosterChangeException;
import org.cusax.core.port.RosterItem;
import org.cusax.core.testing.EventRecorder;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 6121 §2.3–2.5 (roster add, update, delete) and §3.1.3 (answering a subscription request) through the core. */
class RosterEditorTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final FakeChatPort chat = new FakeChatPort();
    private final EventRecorder recorder = new EventRecorder();
    private CusaxClient client;

    @BeforeEach
    void setUp() {
        client = new CusaxClient(TestAccounts.link("alice"), Optional.of(chat), Optional.of(new FakeTelephonyPort()),
                new EventBus(), new ContactBook(new AddressNormalizer("FR")), TelPreference.defaults());
        client.subscribe(recorder);
        client.start();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void addRenameAndRemoveReachTheXmppHalfWithCleanedNamesAndGroups() throws Exception {
        client.addContact("Bob@Cusax.Test/phone", "  Bob  ", List.of("Friends", " Friends", "", "Work")).get(5, TimeUnit.SECONDS);
        client.updateContact("bob@cusax.test", "Robert", List.of()).get(5, TimeUnit.SECONDS);
        client.removeContact("bob@cusax.test").get(5, TimeUnit.SECONDS);

        assertThat(chat.rosterChanges()).containsExactly("add bob@cusax.test 'Bob' [Friends, Work]",
                "update bob@cusax.test 'Robert' []", "remove bob@cusax.test");
    }

    @Test
    void badJidsAndNamesAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> client.addContact("not a jid", "x", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JID");
        assertThatThrownBy(() -> client.addContact("bob@cusax.test", "a\u0007b", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.updateContact("bob@cusax.test", "x".repeat(257), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(chat.rosterChanges()).isEmpty();
    }

    @Test
    void aRefusalFromTheServerFailsTheFutureWithItsKind() {
        chat.refuseRosterChanges(new RosterChangeException(RosterChangeException.Kind.REFUSED, "not-allowed"));

        assertThatThrownBy(() -> client.removeContact("bob@cusax.test").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(RosterChangeException.class)
                .hasMessage("not-allowed");
    }

    @Test
    void aSubscriptionRequestWaitsOnceUntilAnsweredThenLeaves() throws Exception {
        chat.callbacks().onSubscriptionRequest("carol@cusax.test/laptop");
        chat.callbacks().onSubscriptionRequest("carol@cusax.test");
        chat.callbacks().onSubscriptionRequest("dave@cusax.test");
        recorder.await(SubscriptionRequest.class, e -> e.jid().equals("dave@cusax.test"), WAIT);

        assertThat(client.subscriptionRequests()).containsExactly("carol@cusax.test", "dave@cusax.test");
        assertThat(recorder.of(SubscriptionRequest.class)).extracting(SubscriptionRequest::jid)
                .containsExactly("carol@cusax.test", "dave@cusax.test");

        client.answerSubscription("carol@cusax.test", true).get(5, TimeUnit.SECONDS);
        client.answerSubscription("dave@cusax.test", false).get(5, TimeUnit.SECONDS);

        assertThat(chat.rosterChanges()).containsExactly("approve carol@cusax.test", "deny dave@cusax.test");
        assertThat(client.subscriptionRequests()).isEmpty();
        recorder.await(SubscriptionRequest.class, e -> e.state().equals(SubscriptionRequest.DENIED), WAIT);
        assertThat(recorder.of(SubscriptionRequest.class)).extracting(SubscriptionRequest::state)
                .containsExactly("pending", "pending", "approved", "denied");
    }

    /** RFC 6121 §3.3.3: an unsubscribe from someone whose request waits withdraws it; from anyone else it changes nothing. */
    @Test
    void aRequestWithdrawnByItsSenderLeavesTheList() throws Exception {
        chat.callbacks().onSubscriptionRequest("carol@cusax.test");
        chat.callbacks().onSubscriptionRequest("dave@cusax.test");
        chat.callbacks().onSubscriptionWithdrawn("erin@cusax.test"); // asked nothing: not an event
        chat.callbacks().onSubscriptionWithdrawn("carol@cusax.test/laptop");
        recorder.await(SubscriptionRequest.class, e -> e.state().equals(SubscriptionRequest.WITHDRAWN), WAIT);

        assertThat(client.subscriptionRequests()).containsExactly("dave@cusax.test");
        chat.callbacks().onSubscriptionWithdrawn("carol@cusax.test"); // twice: still one event
        chat.callbacks().onSubscriptionRequest("carol@cusax.test"); // asks again: pending again
        recorder.await(SubscriptionRequest.class, e -> e.jid().equals("carol@cusax.test")
                && recorder.of(SubscriptionRequest.class).size() == 4, WAIT);
        assertThat(recorder.of(SubscriptionRequest.class)).extracting(e -> e.jid() + " " + e.state())
                .containsExactly("carol@cusax.test pending", "dave@cusax.test pending", "carol@cusax.test withdrawn",
                        "carol@cusax.test pending");
        assertThat(client.subscriptionRequests()).containsExactly("dave@cusax.test", "carol@cusax.test");
        assertThat(chat.rosterChanges()).as("nothing is sent for a withdrawal").isEmpty();
    }

    @Test
    void aFailedAnswerKeepsTheRequestPending() {
        chat.callbacks().onSubscriptionRequest("carol@cusax.test");
        chat.refuseRosterChanges(new RosterChangeException(RosterChangeException.Kind.NOT_CONNECTED, "Chat is offline"));

        assertThatThrownBy(() -> client.answerSubscription("carol@cusax.test", true).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        assertThat(client.subscriptionRequests()).containsExactly("carol@cusax.test");
    }

    @Test
    void rosterGroupsReachTheContactList() throws Exception {
        chat.callbacks().onRoster(List.of(new RosterItem("bob@cusax.test", "Bob", "both", List.of("Work", "Work", " "))));
        chat.callbacks().onRosterItem(new RosterItem("bob@cusax.test", "Bob", "both", List.of("Family")));

        ContactUpdated last = recorder.await(ContactUpdated.class, e -> e.contact().groups().contains("Family"), WAIT);
        assertThat(last.contact().groups()).containsExactly("Family");
        assertThat(client.contacts()).extracting(Contact::groups).containsExactly(List.of("Family"));
    }
}
