package org.cusax.it.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cusax.app.assembly.CusaxAssembly;
import org.cusax.app.cli.CusaxCli;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.client.SecurityParity;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.SecurityLevel;
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.event.SecurityParityChanged;
import org.cusax.core.service.Half;
import org.cusax.it.support.RunningClient;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.kamailio.DigestAlgorithm;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RFC 7081 §3 (client bootstrap) against real Prosody and Kamailio: both halves online and secured —
 * XMPP STARTTLS + SCRAM (RFC 6120 §5, §6), SIP over TLS with a verified certificate (RFC 5922 §7) and
 * digest SHA-256 (RFC 8760) — plus SIP over UDP and TCP, chat both ways, and logout.
 */
class DualStackSessionIT {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(
            TestbedOptions.defaults().withDigestAlgorithm(DigestAlgorithm.SHA_256));

    private static int users;

    private static TestUser newUser(String stem) {
        return TB.testbed().createUser(stem + (++users));
    }

    @Test
    void bothHalvesComeOnlineAndAreSecured() {
        TestUser alice = newUser("alice");
        try (RunningClient c = RunningClient.start(TB.testbed(), alice, SipTransport.TLS)) {
            ChannelSecurity chat = c.await(Half.CHAT, ConnectionState.ONLINE).security();
            ChannelSecurity tel = c.await(Half.TELEPHONY, ConnectionState.ONLINE).security();

            assertThat(chat.encrypted()).isTrue();
            assertThat(chat.tlsProtocol()).get().isIn("TLSv1.2", "TLSv1.3");
            assertThat(chat.verifiedIdentity()).contains("cusax.test");
            assertThat(chat.authentication()).get().asString().startsWith("SCRAM-");

            assertThat(tel.encrypted()).isTrue();
            assertThat(tel.tlsProtocol()).get().isIn("TLSv1.2", "TLSv1.3");
            assertThat(tel.verifiedIdentity()).contains("cusax.test");
            assertThat(tel.authentication()).get().asString().contains("SHA-256");

            assertThat(c.client().status().parity().matched()).isTrue();
            assertThat(TB.testbed().kamailio().awaitRegistered(alice.name(), Duration.ofSeconds(5))).isTrue();
            assertThat(TB.testbed().kamailio().registeredContacts(alice.name()))
                    .anySatisfy(b -> assertThat(b.transport()).isEqualToIgnoringCase("tls"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SipTransport.class, names = {"UDP", "TCP"})
    void sipRegistersOverPlainTransportsAndTheUserIsToldTheHalvesDiffer(SipTransport transport) throws Exception {
        TestUser bob = newUser("bob");
        try (RunningClient c = RunningClient.start(TB.testbed(), bob, transport)) {
            c.await(Half.CHAT, ConnectionState.ONLINE);
            ChannelSecurity tel = c.await(Half.TELEPHONY, ConnectionState.ONLINE).security();
            assertThat(tel.encrypted()).isFalse();
            assertThat(tel.authentication()).get().asString().contains("SHA-256");
            assertThat(TB.testbed().kamailio().registeredContacts(bob.name()))
                    .anySatisfy(b -> assertThat(b.transport()).isEqualToIgnoringCase(transport.token()));

            SecurityParity parity = c.events().await(SecurityParityChanged.class, e -> !e.parity().matched(),
                    Duration.ofSeconds(5)).parity();
            assertThat(parity.telephony()).contains(SecurityLevel.NONE);
            assertThat(parity.chat()).contains(SecurityLevel.TLS);
            assertThat(parity.explanation()).contains("Telephony uses SIP over " + transport.name() + " (unencrypted");
        }
    }

    @Test
    void chatTravelsBetweenTwoClientsAndIsAcknowledged() throws Exception {
        TestUser alice = newUser("alice");
        TestUser bob = newUser("bob");
        try (RunningClient a = RunningClient.start(TB.testbed(), alice, SipTransport.TLS);
             RunningClient b = RunningClient.start(TB.testbed(), bob, SipTransport.TLS)) {
            a.await(Half.CHAT, ConnectionState.ONLINE);
            b.await(Half.CHAT, ConnectionState.ONLINE);

            ChatMessage sent = a.client().sendChat(bob.jid(), "hello from alice");
            assertThat(a.client().awaitDelivery(sent.id(), Duration.ofSeconds(10))).contains(DeliveryState.ACKNOWLEDGED);
            ChatMessageReceived got = b.events().await(ChatMessageReceived.class,
                    e -> e.message().body().equals("hello from alice"), Duration.ofSeconds(10));
            assertThat(got.message().peer()).isEqualTo(alice.jid());

            b.client().sendChat(alice.jid(), "hi alice");
            a.events().await(ChatMessageReceived.class, e -> e.message().body().equals("hi alice")
                    && e.message().peer().equals(bob.jid()), Duration.ofSeconds(10));
        }
    }

    @Test
    void logoutRemovesTheSipRegistration() {
        TestUser carol = newUser("carol");
        RunningClient c = RunningClient.start(TB.testbed(), carol, SipTransport.TLS);
        c.await(Half.TELEPHONY, ConnectionState.ONLINE);
        assertThat(TB.testbed().kamailio().awaitRegistered(carol.name(), Duration.ofSeconds(5))).isTrue();
        c.close();
        assertThat(TB.testbed().kamailio().awaitUnregistered(carol.name(), Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void statusCommandReportsBothHalvesAsJson() throws Exception {
        TestUser dave = newUser("dave");
        Path config = TB.testbed().writeClientConfig(dave, SipTransport.TLS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CusaxCli(new CusaxAssembly(), Map.of(), Path.of(System.getProperty("user.home")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute("status", "--json", "--config", config.toString());
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.at("/chat/label").asText()).isEqualTo("Chat");
        assertThat(json.at("/chat/state").asText()).isEqualTo("online");
        assertThat(json.at("/chat/security/encrypted").asBoolean()).isTrue();
        assertThat(json.at("/telephony/label").asText()).isEqualTo("Telephony");
        assertThat(json.at("/telephony/state").asText()).isEqualTo("online");
        assertThat(json.at("/telephony/security/verifiedFor").asText()).isEqualTo("cusax.test");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(dave.password());
        // status logs out when done
        assertThat(TB.testbed().kamailio().awaitUnregistered(dave.name(), Duration.ofSeconds(5))).isTrue();
    }
}
