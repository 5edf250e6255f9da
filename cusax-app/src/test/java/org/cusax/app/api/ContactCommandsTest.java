package org.cusax.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.cusax.core.event.SubscriptionRequest;
import org.cusax.core.port.RosterChangeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 6121 §2.3–2.5 (roster add, update, remove) and §3.1.3–§3.2.1 (answering a subscription request) through the
 * command registry: typed results, and errors with stable codes.
 */
class ContactCommandsTest {
    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void addUpdateAndRemoveAnswerWithTheItemAsTheServerWasAskedForIt() throws Exception {
        f.online().withContacts();

        ApiResponse added = f.run("contact-add", Map.of("jid", "Zoe@Cusax.Test", "name", " Zoé ", "groups",
                List.of("Work", "Friends")));
        ApiResponse renamed = f.run("contact-update", Map.of("jid", "bob@cusax.test", "name", "Robert"));
        ApiResponse regrouped = f.run("contact-update", Map.of("jid", "bob@cusax.test", "groups", "Family"));
        ApiResponse removed = f.run("contact-remove", Map.of("jid", "echo@cusax.test"));

        assertThat(added.ok()).isTrue();
        assertThat(added.data()).isEqualTo(Map.of("jid", "zoe@cusax.test", "name", "Zoé", "groups", List.of("Work", "Friends")));
        assertThat(renamed.data()).isEqualTo(Map.of("jid", "bob@cusax.test", "name", "Robert", "groups", List.of()));
        // the name left out is kept: Bob's roster name (the fake port does not push the rename back)
        assertThat(regrouped.data()).isEqualTo(Map.of("jid", "bob@cusax.test", "name", "Bob", "groups", List.of("Family")));
        assertThat(removed.data()).isEqualTo(Map.of("jid", "echo@cusax.test", "removed", true));
        assertThat(f.chat.rosterChanges()).containsExactly("add zoe@cusax.test 'Zoé' [Work, Friends]",
                "update bob@cusax.test 'Robert' []", "update bob@cusax.test 'Bob' [Family]", "remove echo@cusax.test");
    }

    @Test
    void badInputIsABadRequestAndSendsNothing() throws Exception {
        f.online().withContacts();

        assertThat(code(f.run("contact-add", Map.of("jid", "not a jid")))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(code(f.run("contact-add", Map.of("jid", "zoe@cusax.test", "groups", List.of(1))))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(code(f.run("contact-add", Map.of("jid", "zoe@cusax.test", "name", "x\ny")))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(code(f.run("contact-update", Map.of("jid", "nobody@cusax.test", "name", "X")))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(code(f.run("contact-remove", Map.of()))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(f.chat.rosterChanges()).isEmpty();
    }

    @Test
    void theXmppHalfsRefusalsKeepTheirMeaning() throws Exception {
        f.online().withContacts();

        f.chat.refuseRosterChanges(new RosterChangeException(RosterChangeException.Kind.NOT_CONNECTED, "Chat is not online"));
        ApiResponse down = f.run("contact-add", Map.of("jid", "zoe@cusax.test"));
        f.chat.refuseRosterChanges(new RosterChangeException(RosterChangeException.Kind.NOT_FOUND, "zoe@cusax.test is not in the contact list"));
        ApiResponse missing = f.run("contact-remove", Map.of("jid", "zoe@cusax.test"));
        f.chat.refuseRosterChanges(new RosterChangeException(RosterChangeException.Kind.REFUSED, "the server refused: not-allowed"));
        ApiResponse refused = f.run("subscription-approve", Map.of("jid", "zoe@cusax.test"));

        assertThat(code(down)).isEqualTo(ErrorCode.CHAT_DOWN);
        assertThat(down.error().orElseThrow().message()).isEqualTo("Chat is not online");
        assertThat(code(missing)).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(code(refused)).isEqualTo(ErrorCode.CONFLICT);
        assertThat(refused.error().orElseThrow().message()).contains("not-allowed");
    }

    @Test
    void aSubscriptionRequestIsListedUntilApprovedOrDenied() throws Exception {
        f.online().withContacts();
        f.chat.callbacks().onSubscriptionRequest("dave@cusax.test/pc");
        f.chat.callbacks().onSubscriptionRequest("eve@cusax.test");
        f.events.await(SubscriptionRequest.class, e -> e.jid().equals("eve@cusax.test"), ApiFixture.WAIT);

        assertThat(f.run("subscription-requests", Map.of()).data())
                .isEqualTo(Map.of("requests", List.of("dave@cusax.test", "eve@cusax.test")));

        assertThat(f.run("subscription-approve", Map.of("jid", "dave@cusax.test")).data())
                .isEqualTo(Map.of("jid", "dave@cusax.test", "state", "approved"));
        assertThat(f.run("subscription-deny", Map.of("jid", "eve@cusax.test")).data())
                .isEqualTo(Map.of("jid", "eve@cusax.test", "state", "denied"));

        assertThat(f.run("subscription-requests", Map.of()).data()).isEqualTo(Map.of("requests", List.of()));
        assertThat(f.chat.rosterChanges()).containsExactly("approve dave@cusax.test", "deny eve@cusax.test");
    }

    /** RFC 6121 §3.3.3: a request its sender withdraws leaves the list; the event says "withdrawn". */
    @Test
    void aWithdrawnRequestLeavesTheListWithAnEvent() throws Exception {
        f.online().withContacts();
        f.chat.callbacks().onSubscriptionRequest("dave@cusax.test");
        f.chat.callbacks().onSubscriptionRequest("eve@cusax.test");
        f.chat.callbacks().onSubscriptionWithdrawn("dave@cusax.test/pc");
        SubscriptionRequest withdrawn = f.events.await(SubscriptionRequest.class,
                e -> e.state().equals(SubscriptionRequest.WITHDRAWN), ApiFixture.WAIT);

        assertThat(withdrawn.jid()).isEqualTo("dave@cusax.test");
        assertThat(new EventEncoder(org.cusax.core.testing.TestAccounts.link("alice")).encode(withdrawn)).containsEntry("type", "subscription-request")
                .containsEntry("jid", "dave@cusax.test").containsEntry("state", "withdrawn");
        assertThat(f.run("subscription-requests", Map.of()).data()).isEqualTo(Map.of("requests", List.of("eve@cusax.test")));
        assertThat(f.chat.rosterChanges()).isEmpty();
    }

    /** XEP-0153: the picture goes to the page as a data: URL whose type was read from the image itself. */
    @Test
    void aContactsPictureIsADataUrlOfACheckedImageType() throws Exception {
        f.online().withContacts();
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        f.chat.avatar("bob@cusax.test", org.cusax.core.contact.Avatar.of(png).orElseThrow());
        f.chat.callbacks().onAvatar("bob@cusax.test", "0a1b");
        f.chat.callbacks().onAvatar("echo@cusax.test", "ffff"); // advertises one, but the fake has none to give
        f.events.await(org.cusax.core.event.ContactUpdated.class, e -> e.contact().avatarHash().equals("ffff"), ApiFixture.WAIT);

        assertThat(f.run("contact", Map.of("jid", "bob@cusax.test")).data()).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("avatar", "0a1b");
        Map<?, ?> picture = (Map<?, ?>) f.run("avatar", Map.of("jid", "bob@cusax.test")).data();
        assertThat(picture.get("type")).isEqualTo("image/png");
        assertThat(picture.get("hash")).isEqualTo("0a1b");
        assertThat(picture.get("dataUrl")).isEqualTo("data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png));
        assertThat(code(f.run("avatar", Map.of("jid", "echo@cusax.test")))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(code(f.run("avatar", Map.of("jid", "nobody@cusax.test")))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    private static ErrorCode code(ApiResponse r) {
        assertThat(r.ok()).as("expected an error").isFalse();
        return r.error().orElseThrow().code();
    }
}
