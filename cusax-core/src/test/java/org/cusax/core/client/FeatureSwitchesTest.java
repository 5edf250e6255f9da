package org.cusax.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.cusax.core.account.Features;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.RawTel;
import org.cusax.core.port.RosterItem;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.contact.TelSource;
import org.cusax.core.event.EventBus;
import org.cusax.core.routing.RoutingDecision;
import org.cusax.core.service.Half;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CUSAX §3 feature switches changed in the running session (the settings page): routing and chat follow at
 * once, without a restart, and each account's port is told.
 */
class FeatureSwitchesTest {
    private static final ChannelSecurity TLS = ChannelSecurity.tls("TLSv1.3", "TLS_AES_128_GCM_SHA256", "cusax.test",
            "SCRAM-SHA-1");

    private final FakeChatPort chat = new FakeChatPort();
    private final FakeTelephonyPort telephony = new FakeTelephonyPort();
    private CusaxClient client;

    @BeforeEach
    void setUp() {
        client = new CusaxClient(TestAccounts.link("alice"), Optional.of(chat), Optional.of(telephony),
                new EventBus(), new ContactBook(new AddressNormalizer("FR")), TelPreference.defaults(),
                ClientOptions.defaults().withChatWork(Runnable::run));
        client.start();
        chat.callbacks().onRoster(List.of(new RosterItem("bob@cusax.test", "Bob", "both")));
        chat.callbacks().onTels("bob@cusax.test", TelSource.VCARD_TEMP, List.of(RawTel.of("+33 6 12 34 56 78", "CELL")));
        telephony.register(TLS);
        chat.goOnline(TLS);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void callingSwitchedOffOnTheSipAccountRefusesTheNextRouteAndOnAgainRoutesIt() {
        assertThat(client.route("bob@cusax.test")).isInstanceOf(RoutingDecision.Route.class);

        client.setFeatures(Half.TELEPHONY, new Features(false, false));
        assertThat(client.route("bob@cusax.test")).isInstanceOfSatisfying(RoutingDecision.NoRoute.class,
                r -> assertThat(r.reason()).isEqualTo(RoutingDecision.Reason.CALLING_DISABLED));
        assertThatThrownBy(() -> client.placeCall("bob@cusax.test", org.cusax.core.call.AudioPlan.silent()))
                .hasMessageContaining("switched off");

        client.setFeatures(Half.TELEPHONY, Features.telephonyDefaults());
        assertThat(client.route("bob@cusax.test")).isInstanceOfSatisfying(RoutingDecision.Route.class,
                r -> assertThat(r.account().address()).isEqualTo("sip:alice@cusax.test"));
        client.setFeatures(Half.TELEPHONY, Features.telephonyDefaults()); // unchanged: the port is not bothered
        assertThat(telephony.actions()).filteredOn(a -> a.startsWith("features"))
                .containsExactly("features calling=false im=false", "features calling=true im=false");
    }

    @Test
    void chatSwitchedOffOnTheXmppAccountRefusesTheNextMessageAndThePortIsTold() {
        assertThat(client.sendChat("bob@cusax.test", "before").peer()).isEqualTo("bob@cusax.test");

        client.setFeatures(Half.CHAT, new Features(false, false));
        assertThatThrownBy(() -> client.sendChat("bob@cusax.test", "during")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chat is switched off");
        client.setFeatures(Half.CHAT, Features.chatDefaults());
        assertThat(client.sendChat("bob@cusax.test", "after").peer()).isEqualTo("bob@cusax.test");

        assertThat(chat.featureChanges()).containsExactly(new Features(false, false), Features.chatDefaults());
        assertThat(chat.written()).extracting(m -> m.body()).containsExactly("before", "after");
    }
}
