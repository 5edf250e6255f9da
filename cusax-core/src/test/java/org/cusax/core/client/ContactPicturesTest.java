package org.cusax.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.Avatar;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.event.ContactUpdated;
import org.cusax.core.event.EventBus;
import org.cusax.core.port.RosterItem;
import org.cusax.core.testing.EventRecorder;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** XEP-0153 §4.3: a contact's picture is fetched once per photo hash, and only for a contact that has one. */
class ContactPicturesTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Avatar PNG = Avatar.of(java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")).orElseThrow();

    private final FakeChatPort chat = new FakeChatPort();
    private final EventRecorder recorder = new EventRecorder();
    private CusaxClient client;

    @BeforeEach
    void setUp() {
        client = new CusaxClient(TestAccounts.link("alice"), Optional.of(chat), Optional.of(new FakeTelephonyPort()),
                new EventBus(), new ContactBook(new AddressNormalizer("FR")), TelPreference.defaults());
        client.subscribe(recorder);
        client.start();
        chat.callbacks().onRoster(List.of(new RosterItem("bob@cusax.test", "Bob", "both"),
                new RosterItem("carol@cusax.test", "Carol", "both")));
        chat.avatar("bob@cusax.test", PNG);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void thePhotoHashReachesTheContactAndThePictureIsFetchedOncePerHash() throws Exception {
        chat.callbacks().onAvatar("bob@cusax.test", "aa");
        recorder.await(ContactUpdated.class, e -> e.contact().avatarHash().equals("aa"), WAIT);

        assertThat(client.avatar("bob@cusax.test").get(5, TimeUnit.SECONDS)).contains(PNG);
        assertThat(client.avatar("Bob@Cusax.Test").get(5, TimeUnit.SECONDS)).contains(PNG);
        assertThat(chat.avatarFetches()).isEqualTo(1);

        chat.callbacks().onAvatar("bob@cusax.test", "bb"); // a new photo advertised
        assertThat(client.avatar("bob@cusax.test").get(5, TimeUnit.SECONDS)).contains(PNG);
        assertThat(chat.avatarFetches()).isEqualTo(2);
    }

    @Test
    void aContactWithoutPhotoHashIsNotAskedFor() throws Exception {
        assertThat(client.avatar("carol@cusax.test").get(5, TimeUnit.SECONDS)).isEmpty();
        chat.callbacks().onAvatar("carol@cusax.test", "");
        assertThat(client.avatar("carol@cusax.test").get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(chat.avatarFetches()).isZero();
    }

    @Test
    void aNonContactIsRefused() {
        assertThatThrownBy(() -> client.avatar("mallory@evil.test")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the contact list");
        chat.callbacks().onAvatar("mallory@evil.test", "cc"); // not in the roster: ignored
        assertThat(client.contacts()).extracting(c -> c.jid()).containsExactly("bob@cusax.test", "carol@cusax.test");
    }
}
