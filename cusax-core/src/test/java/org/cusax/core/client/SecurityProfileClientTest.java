package org.cusax.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.config.PresenceSettings;
import org.cusax.core.event.ConnectionChanged;
import org.cusax.core.event.EventBus;
import org.cusax.core.event.SecurityParityChanged;
import org.cusax.core.history.InMemoryHistoryStore;
import org.cusax.core.security.GuardVerdict;
import org.cusax.core.security.SecurityProfile;
import org.cusax.core.testing.EventRecorder;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.Test;

/** RFC 7081 §7: the client acts on the security guard's decision whenever a half's state changes. */
class SecurityProfileClientTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ChannelSecurity TLS = ChannelSecurity.tls("TLSv1.3", "TLS_AES_128_GCM_SHA256", "cusax.test",
            "SCRAM-SHA-1");
    private static final ChannelSecurity PLAIN = ChannelSecurity.plain("digest SHA-256");

    private final FakeChatPort chat = new FakeChatPort();
    private final FakeTelephonyPort telephony = new FakeTelephonyPort();
    private final EventRecorder recorder = new EventRecorder();

    private CusaxClient client(SecurityProfile profile) {
        CusaxClient c = new CusaxClient(TestAccounts.link("alice"), Optional.of(chat), Optional.of(telephony),
                new EventBus(), new ContactBook(new AddressNormalizer("US")), TelPreference.defaults(),
                ClientOptions.defaults().withPresence(PresenceSettings.defaults())
                        .withHistory(new InMemoryHistoryStore()).withSecurityProfile(profile)
                        .withRouting(org.cusax.core.config.RoutingSettings.defaults()));
        c.subscribe(recorder);
        c.start();
        return c;
    }

    @Test
    void matchedKeepsAnUnencryptedTelephonyDownWithTheReasonWhileChatStaysOnline() throws Exception {
        try (CusaxClient c = client(SecurityProfile.MATCHED)) {
            chat.goOnline(TLS);
            telephony.register(PLAIN);
            ConnectionChanged down = recorder.await(ConnectionChanged.class,
                    e -> e.status().reason().map(r -> r.kind() == FailureReason.Kind.SECURITY_PROFILE).orElse(false),
                    WAIT);
            assertThat(down.status().state()).isEqualTo(ConnectionState.FAILED);
            assertThat(down.status().reason()).get().extracting(FailureReason::message).asString()
                    .contains("Telephony uses SIP").contains("unencrypted").contains("set sip.transport = tls");
            assertThat(telephony.awaitStopped(WAIT)).isTrue();
            assertThat(chat.stopped()).isFalse();

            telephony.register(PLAIN);
            ServiceStatus status = c.awaitSettled(WAIT);
            assertThat(status.chat().state()).isEqualTo(ConnectionState.ONLINE);
            assertThat(status.telephony().state()).isEqualTo(ConnectionState.FAILED);
            assertThat(status.parity().matched()).isFalse();
            assertThat(status.parity().decision().verdict()).isEqualTo(GuardVerdict.MISMATCH_REFUSED);
            assertThat(recorder.of(ConnectionChanged.class))
                    .noneMatch(e -> e.status().half() == org.cusax.core.service.Half.TELEPHONY
                            && e.status().state() == ConnectionState.ONLINE);
        }
    }

    @Test
    void warnBringsBothUpWithAStandingWarning() throws Exception {
        try (CusaxClient c = client(SecurityProfile.WARN)) {
            chat.goOnline(TLS);
            telephony.register(PLAIN);
            SecurityParityChanged e = recorder.await(SecurityParityChanged.class, x -> !x.parity().matched(), WAIT);
            assertThat(e.parity().decision().verdict()).isEqualTo(GuardVerdict.MISMATCH_WARNED);
            ServiceStatus status = c.awaitSettled(WAIT);
            assertThat(status.allOnline()).isTrue();
            assertThat(status.parity().explanation()).contains("runs anyway");
            assertThat(telephony.stopped()).isFalse();
        }
    }

    @Test
    void offComparesNothing() throws Exception {
        try (CusaxClient c = client(SecurityProfile.OFF)) {
            chat.goOnline(TLS);
            telephony.register(PLAIN);
            ServiceStatus status = c.awaitSettled(WAIT);
            assertThat(status.allOnline()).isTrue();
            assertThat(status.parity().matched()).isTrue();
            assertThat(status.parity().decision().verdict()).isEqualTo(GuardVerdict.NOT_COMPARED);
            assertThat(telephony.stopped()).isFalse();
        }
    }

    @Test
    void matchedLetsEquallyProtectedHalvesRun() throws Exception {
        try (CusaxClient c = client(SecurityProfile.MATCHED)) {
            chat.goOnline(TLS);
            telephony.register(TLS);
            ServiceStatus status = c.awaitSettled(WAIT);
            assertThat(status.allOnline()).isTrue();
            assertThat(status.parity().decision().verdict()).isEqualTo(GuardVerdict.EQUAL);
        }
    }
}
