package org.cusax.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;

import org.cusax.core.account.Transport;
import org.cusax.core.config.PresenceSettings;
import org.cusax.core.config.ServicePolicy;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.event.EventBus;
import org.cusax.core.history.InMemoryHistoryStore;
import org.cusax.core.service.CusaxLink;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 7081 §2: "a client may delay Chat until SIP is registered" (chat-after-telephony) and a provider
 * "may require both halves or none" (all-or-nothing). The policy's starts and stops run on an executor
 * the test drains by hand.
 */
class ServicePolicyTest {
    private static final ChannelSecurity TLS = ChannelSecurity.tls("TLSv1.3", "TLS_AES_128_GCM_SHA256", "cusax.test",
            "SCRAM-SHA-1");

    private final FakeChatPort chat = new FakeChatPort();
    private final FakeTelephonyPort telephony = new FakeTelephonyPort();
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final Executor executor = tasks::add;
    private CusaxClient client;

    private CusaxClient client(ServicePolicy policy, CusaxLink link) {
        client = new CusaxClient(link, link.chat().map(a -> chat), link.telephony().map(a -> telephony),
                new EventBus(), new ContactBook(new AddressNormalizer("US")), TelPreference.defaults(),
                ClientOptions.defaults().withPresence(PresenceSettings.defaults())
                        .withHistory(new InMemoryHistoryStore()).withAudioDevices(org.cusax.core.port.AudioDevicesPort.none())
                        .withPolicy(policy, executor));
        return client;
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void chatAfterTelephonyStartsChatOnlyOnceTelephonyIsRegistered() {
        client(new ServicePolicy(true, false), TestAccounts.link("alice")).start();
        assertThat(telephony.started()).isTrue();
        assertThat(chat.started()).isFalse();
        assertThat(client.status().chat().state()).isEqualTo(ConnectionState.CONNECTING);

        telephony.register(TLS);
        assertThat(chat.started()).as("started on the policy's executor, not on the SIP callback").isFalse();
        runTasks();
        assertThat(chat.started()).isTrue();
        chat.goOnline(TLS);
        assertThat(client.status().chat().state()).isEqualTo(ConnectionState.ONLINE);
        assertThat(client.status().telephony().state()).isEqualTo(ConnectionState.ONLINE);
    }

    @Test
    void chatAfterTelephonyKeepsChatDownWhenTelephonyFails() {
        client(new ServicePolicy(true, false), TestAccounts.link("alice")).start();
        telephony.fail(FailureReason.of(FailureReason.Kind.AUTHENTICATION, "wrong password"));
        runTasks();
        assertThat(chat.started()).isFalse();
        assertThat(client.status().chat().state()).isEqualTo(ConnectionState.FAILED);
        assertThat(client.status().chat().reason().orElseThrow().message())
                .contains("only once Telephony is registered").contains("wrong password");
    }

    @Test
    void allOrNothingTakesTelephonyDownWhenChatFails() {
        client(new ServicePolicy(false, true), TestAccounts.link("alice")).start();
        assertThat(chat.started()).isTrue();
        assertThat(telephony.started()).isTrue();
        telephony.register(TLS);
        chat.fail(FailureReason.of(FailureReason.Kind.CERTIFICATE, "certificate not trusted"));
        runTasks();
        assertThat(telephony.stopped()).isTrue();
        assertThat(client.status().telephony().state()).isEqualTo(ConnectionState.FAILED);
        assertThat(client.status().telephony().reason().orElseThrow().message())
                .contains("all or nothing").contains("Chat failed").contains("certificate not trusted");
        // a late report from the stopped adapter does not bring it back
        telephony.register(TLS);
        assertThat(client.status().telephony().state()).isEqualTo(ConnectionState.FAILED);
    }

    @Test
    void allOrNothingStaysUpWhenBothConnect() {
        client(new ServicePolicy(true, true), TestAccounts.link("alice")).start();
        telephony.register(TLS);
        runTasks();
        chat.goOnline(TLS);
        runTasks();
        assertThat(telephony.stopped()).isFalse();
        assertThat(chat.stopped()).isFalse();
        assertThat(client.status().chat().state()).isEqualTo(ConnectionState.ONLINE);
        assertThat(client.status().telephony().state()).isEqualTo(ConnectionState.ONLINE);
    }

    @Test
    void allOrNothingWithOneAccountConnectsNothingAndSaysWhy() {
        CusaxLink sipOnly = new CusaxLink(Optional.of(TestAccounts.sip("alice", Transport.TLS)), Optional.empty());
        client(new ServicePolicy(false, true), sipOnly).start();
        assertThat(telephony.started()).isFalse();
        assertThat(client.status().telephony().state()).isEqualTo(ConnectionState.FAILED);
        assertThat(client.status().telephony().reason().orElseThrow().message())
                .contains("requires both halves").contains("no XMPP account");
    }

    @Test
    void withoutPolicyAFailedHalfLeavesTheOtherUp() {
        client(ServicePolicy.independent(), TestAccounts.link("alice")).start();
        telephony.register(TLS);
        chat.fail(FailureReason.of(FailureReason.Kind.AUTHENTICATION, "wrong password"));
        runTasks();
        assertThat(telephony.stopped()).isFalse();
        assertThat(client.status().telephony().state()).isEqualTo(ConnectionState.ONLINE);
    }
}
