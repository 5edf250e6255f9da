package org.cusax.core.client;

import java.util.List;
import java.util.Optional;

import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.event.EventBus;
import org.cusax.core.history.ChatRecord;
import org.cusax.core.history.InMemoryHistoryStore;
import org.cusax.core.testing.EventRecorder;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.TestAccounts;

/**
 * A started client whose Chat half is a {@link FakeChatPort} (Chat down until {@code chat.goOnline}), with an
 * in-memory history and every event it publishes recorded: for the tests of what becomes of a chat message.
 */
final class ChatClientFixture {
    static final ChannelSecurity TLS = ChannelSecurity.tls("TLSv1.3", "TLS_AES_128_GCM_SHA256", "cusax.test",
            "SCRAM-SHA-1");

    final FakeChatPort chat = new FakeChatPort();
    final EventRecorder recorder = new EventRecorder();
    final CusaxClient client;

    /** @param options the client's options; the history is the fixture's own, in memory */
    ChatClientFixture(ClientOptions options) {
        client = new CusaxClient(TestAccounts.link("alice"), Optional.of(chat), Optional.of(new FakeTelephonyPort()),
                new EventBus(), new ContactBook(new AddressNormalizer("FR")), TelPreference.defaults(),
                options.withHistory(new InMemoryHistoryStore()));
        client.subscribe(recorder);
        client.start();
    }

    /** The chat records of the client's history. */
    List<ChatRecord> chats() {
        return client.history(Optional.empty(), 0).stream().filter(ChatRecord.class::isInstance)
                .map(ChatRecord.class::cast).toList();
    }
}
