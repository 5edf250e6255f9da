package org.cusax.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cusax.core.client.ClientOptions;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.connection.ChannelSecurity;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.event.EventBus;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CLI v0 on fake halves: output contract and exit codes. */
class CusaxCliTest {
    private static final ChannelSecurity TLS = ChannelSecurity.tls("TLSv1.3", "TLS_AES_256_GCM_SHA384", "cusax.test",
            "SCRAM-SHA-1");

    @TempDir
    Path dir;
    private Path config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Consumer<FakeChatPort> chatBehaviour = p -> p.goOnline(TLS);
    private Consumer<FakeTelephonyPort> telBehaviour = p -> p.register(TLS);
    private FakeChatPort lastChat;

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("cusax.conf");
        Files.writeString(config, """
                xmpp.jid = alice@cusax.test
                xmpp.password = xpw
                sip.aor = sip:alice@cusax.test
                sip.password = spw
                """);
    }

    private int run(String... args) {
        CusaxCli cli = new CusaxCli(cfg -> {
            lastChat = new FakeChatPort().whenStarted(chatBehaviour);
            FakeTelephonyPort tel = new FakeTelephonyPort().whenStarted(telBehaviour);
            return new CusaxClient(cfg.link(), Optional.of(lastChat), Optional.of(tel), new EventBus(),
                    new ContactBook(new AddressNormalizer(cfg.contacts().defaultRegion())),
                    cfg.contacts().telPreference(), ClientOptions.defaults().withPresence(cfg.presence())
                            .withSecurityProfile(cfg.securityProfile()).withRouting(cfg.routing()));
        }, Map.of(), dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void statusJsonShowsBothHalvesWithLabelsStateAndSecurity() throws Exception {
        int code = run("status", "--config", config.toString(), "--json");
        assertThat(code).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.at("/chat/label").asText()).isEqualTo("Chat");
        assertThat(json.at("/chat/state").asText()).isEqualTo("online");
        assertThat(json.at("/chat/security/tls").asText()).isEqualTo("TLSv1.3");
        assertThat(json.at("/chat/security/verifiedFor").asText()).isEqualTo("cusax.test");
        assertThat(json.at("/telephony/label").asText()).isEqualTo("Telephony");
        assertThat(json.at("/telephony/account").asText()).isEqualTo("sip:alice@cusax.test");
        assertThat(json.at("/securityParity/matched").asBoolean()).isTrue();
    }

    @Test
    void statusShowsTheSecurityProfileDecision_rfc7081Section7() throws Exception {
        telBehaviour = p -> p.register(org.cusax.core.connection.ChannelSecurity.plain("digest SHA-256"));
        int code = run("status", "-c", config.toString(), "--json");
        assertThat(code).isEqualTo(ExitCodes.NOT_ONLINE);
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.at("/chat/state").asText()).isEqualTo("online");
        assertThat(json.at("/telephony/state").asText()).isEqualTo("failed");
        assertThat(json.at("/telephony/reason/kind").asText()).isEqualTo("security-profile");
        assertThat(json.at("/securityParity/matched").asBoolean()).isFalse();
        assertThat(json.at("/securityParity/profile").asText()).isEqualTo("matched");
        assertThat(json.at("/securityParity/decision").asText()).isEqualTo("mismatch-refused");
        assertThat(json.at("/securityParity/weaker").asText()).isEqualTo("telephony");
        assertThat(json.at("/securityParity/remedy").asText()).contains("sip.transport = tls");
        assertThat(json.at("/securityParity/telephonyProtection").asText()).contains("unencrypted");
    }

    @Test
    void statusExitCodeSaysWhenAHalfFailed() throws Exception {
        telBehaviour = p -> p.fail(FailureReason.of(FailureReason.Kind.AUTHENTICATION,
                "the SIP server refused the password for alice"));
        int code = run("status", "-c", config.toString(), "--json");
        assertThat(code).isEqualTo(ExitCodes.NOT_ONLINE);
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.at("/telephony/state").asText()).isEqualTo("failed");
        assertThat(json.at("/telephony/reason/kind").asText()).isEqualTo("authentication");
        assertThat(json.at("/chat/state").asText()).isEqualTo("online");
        assertThat(stdout()).doesNotContain("spw").doesNotContain("xpw");
    }

    @Test
    void humanStatusIsOneLinePerHalf() {
        run("status", "-c", config.toString());
        assertThat(stdout().lines()).hasSize(2);
        assertThat(stdout()).contains("Chat").contains("Telephony").contains("online");
    }

    @Test
    void configErrorsExitWithTheConfigCode() throws Exception {
        Files.writeString(config, "xmpp.jid = alice@cusax.test\nxmpp.passwrd = x\n");
        assertThat(run("status", "-c", config.toString())).isEqualTo(ExitCodes.CONFIG);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown key 'xmpp.passwrd'");
        assertThat(run("status", "-c", dir.resolve("missing.conf").toString())).isEqualTo(ExitCodes.CONFIG);
    }

    @Test
    void chatWaitsForTheServerAcknowledgement() throws Exception {
        chatBehaviour = p -> {
            p.goOnline(TLS);
            new Thread(() -> {
                while (p.written().isEmpty()) {
                    Thread.onSpinWait();
                }
                p.acknowledge(p.written().get(0).id());
            }).start();
        };
        int code = run("chat", "-c", config.toString(), "--json", "bob@cusax.test", "hello", "there");
        assertThat(code).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("state").asText()).isEqualTo("acknowledged");
        assertThat(lastChat.written().get(0).body()).isEqualTo("hello there");
    }

    @Test
    void chatThatCannotBeDeliveredSaysSo() {
        chatBehaviour = p -> p.lose(FailureReason.of(FailureReason.Kind.UNREACHABLE, "connection refused"));
        int code = run("chat", "-c", config.toString(), "--timeout", "300ms", "bob@cusax.test", "hi");
        assertThat(code).isEqualTo(ExitCodes.NOT_DELIVERED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not confirmed").contains("connection refused");
    }

    @Test
    void chatToABadAddressIsAUsageError() {
        assertThat(run("chat", "-c", config.toString(), "bob", "hi")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a chat address");
    }

    @Test
    void rosterJsonListsContactsWithTheirTelsOnceLoaded() throws Exception {
        Files.writeString(config, Files.readString(config) + "contacts.default-region = FR\n");
        chatBehaviour = p -> {
            p.goOnline(TLS);
            p.callbacks().onRoster(java.util.List.of(new org.cusax.core.port.RosterItem("bob@cusax.test", "Bob", "both"),
                    new org.cusax.core.port.RosterItem("fax@cusax.test", "Fax only", "both")));
            p.callbacks().onTels("bob@cusax.test", org.cusax.core.contact.TelSource.VCARD_TEMP,
                    java.util.List.of(org.cusax.core.contact.RawTel.of("06 12 34 56 78", "CELL")));
            p.callbacks().onTels("fax@cusax.test", org.cusax.core.contact.TelSource.VCARD_TEMP,
                    java.util.List.of(org.cusax.core.contact.RawTel.of("01 23 45 67 89", "FAX")));
            p.callbacks().onContactsLoaded(2);
        };
        int code = run("roster", "-c", config.toString(), "--json");
        assertThat(code).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(json.get("presencesSettled").asBoolean()).isTrue();
        JsonNode bob = json.at("/contacts/0");
        assertThat(bob.get("jid").asText()).isEqualTo("bob@cusax.test");
        assertThat(bob.get("callable").asBoolean()).isTrue();
        assertThat(bob.at("/tels/0/uri").asText()).isEqualTo("06 12 34 56 78");
        assertThat(bob.at("/tels/0/normalized").asText()).isEqualTo("tel:+33612345678");
        assertThat(bob.at("/tels/0/type").asText()).isEqualTo("mobile");
        assertThat(bob.at("/tels/0/source").asText()).isEqualTo("vcard-temp");
        assertThat(json.at("/contacts/1/callable").asBoolean()).isFalse();
    }

    @Test
    void callDryRunShowsTheAccountAndAddress() throws Exception {
        Files.writeString(config, Files.readString(config) + "contacts.default-region = FR\n");
        chatBehaviour = p -> {
            p.goOnline(TLS);
            p.callbacks().onRoster(java.util.List.of(new org.cusax.core.port.RosterItem("bob@cusax.test", "Bob", "both")));
            p.callbacks().onTels("bob@cusax.test", org.cusax.core.contact.TelSource.VCARD4,
                    java.util.List.of(org.cusax.core.contact.RawTel.of("tel:+33-6-12-34-56-78", "cell")));
            p.callbacks().onContactsLoaded(1);
        };
        int code = run("call", "-c", config.toString(), "--json", "--dry-run", "bob@cusax.test");
        assertThat(code).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("decision").asText()).isEqualTo("route");
        assertThat(json.get("account").asText()).isEqualTo("sip:alice@cusax.test");
        assertThat(json.get("address").asText()).isEqualTo("tel:+33612345678");
        assertThat(json.get("contact").asText()).isEqualTo("bob@cusax.test");
    }

    @Test
    void aCallLeavingTheServiceIsFlaggedAndNeedsYes_rfc7081Section5() throws Exception {
        java.util.concurrent.atomic.AtomicInteger placed = new java.util.concurrent.atomic.AtomicInteger();
        telBehaviour = p -> {
            p.register(TLS);
            p.whenCallPlaced(r -> {
                placed.incrementAndGet();
                p.endCall(r.callId(), org.cusax.core.call.EndReason.fromStatus(486, "Busy Here"));
            });
        };
        chatBehaviour = p -> {
            p.goOnline(TLS);
            p.callbacks().onRoster(java.util.List.of());
            p.callbacks().onContactsLoaded(0);
        };
        int code = run("call", "-c", config.toString(), "--json", "--dry-run", "sip:carol@elsewhere.example");
        assertThat(code).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("interDomain").asBoolean()).isTrue();
        assertThat(json.get("interDomainReason").asText()).contains("is not in your SIP domain (cusax.test)");

        assertThat(run("call", "-c", config.toString(), "sip:carol@elsewhere.example")).isEqualTo(ExitCodes.NO_ROUTE);
        assertThat(placed.get()).isZero();
        assertThat(run("call", "-c", config.toString(), "--yes", "sip:carol@elsewhere.example"))
                .isEqualTo(ExitCodes.CALL_FAILED);
        assertThat(placed.get()).isEqualTo(1);
    }

    @Test
    void callWithoutARouteSaysWhy() throws Exception {
        telBehaviour = p -> p.fail(FailureReason.of(FailureReason.Kind.AUTHENTICATION, "refused"));
        chatBehaviour = p -> {
            p.goOnline(TLS);
            p.callbacks().onRoster(java.util.List.of());
            p.callbacks().onContactsLoaded(0);
        };
        int code = run("call", "-c", config.toString(), "--json", "--dry-run", "+33 6 12 34 56 78");
        assertThat(code).isEqualTo(ExitCodes.NO_ROUTE);
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("decision").asText()).isEqualTo("no-route");
        assertThat(json.get("message").asText()).isNotBlank();
        // issue 10: a call with Telephony down exits 7 and says why
        assertThat(run("call", "-c", config.toString(), "sip:bob@cusax.test")).isEqualTo(ExitCodes.NO_ROUTE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Telephony is not online");
    }

    @Test
    void aBusyCallEndsWithItsSipStatusAsJson() throws Exception {
        telBehaviour = p -> {
            p.register(TLS);
            p.whenCallPlaced(r -> {
                p.callbacks().onCallRinging(r.callId());
                p.endCall(r.callId(), org.cusax.core.call.EndReason.fromStatus(486, "Busy Here"));
            });
        };
        int code = run("call", "-c", config.toString(), "--json", "sip:bob@cusax.test");
        assertThat(code).isEqualTo(ExitCodes.CALL_FAILED);
        ObjectMapper mapper = new ObjectMapper();
        var lines = stdout().lines().map(l -> {
            try {
                return mapper.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(lines).extracting(n -> n.get("type").asText()).containsExactly("call-ringing", "call-ended");
        JsonNode ended = lines.get(1);
        assertThat(ended.get("remote").asText()).isEqualTo("sip:bob@cusax.test");
        assertThat(ended.get("reason").get("kind").asText()).isEqualTo("busy");
        assertThat(ended.get("reason").get("sipStatus").asInt()).isEqualTo(486);
    }

    /** The fake Telephony answers every call placed and ends it when hung up; port[0] is the fake once started. */
    private FakeTelephonyPort[] answeringPeer() {
        FakeTelephonyPort[] port = new FakeTelephonyPort[1];
        telBehaviour = p -> {
            port[0] = p;
            p.register(TLS);
            p.whenCallPlaced(r -> p.callbacks().onCallAnswered(r.callId()));
            p.whenHungUp(id -> p.endCall(id, org.cusax.core.call.EndReason.of(
                    org.cusax.core.call.EndReason.Kind.HUNG_UP_LOCALLY, "you hung up")));
        };
        return port;
    }

    @Test
    void anAnsweredCallSendsDtmfAndHangsUp() throws Exception {
        FakeTelephonyPort[] port = answeringPeer();
        int code = run("call", "-c", config.toString(), "--json", "--dtmf", "123", "--hangup-after", "0.1",
                "sip:bob@cusax.test");
        assertThat(port[0].actions()).anySatisfy(a -> assertThat(a).startsWith("dtmf ").endsWith(" 123"))
                .anySatisfy(a -> assertThat(a).startsWith("hangup "));
        assertThat(code).isEqualTo(ExitCodes.OK);
    }

    /** RFC 3264 §8.4 through the CLI: hold, then resume, then hang up, each after the answer. */
    @Test
    void anAnsweredCallIsHeldResumedAndHungUp() throws Exception {
        FakeTelephonyPort[] port = answeringPeer();
        int code = run("call", "-c", config.toString(), "--json", "--hold-after", "0.05", "--resume-after", "0.1",
                "--hangup-after", "0.15", "sip:bob@cusax.test");
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(port[0].actions()).extracting(a -> a.split(" ")[0])
                .containsSubsequence("hold", "resume", "hangup");
    }

    @Test
    void listenPrintsOneJsonEventPerLine() throws Exception {
        int code = run("listen", "-c", config.toString(), "--json", "--for", "300ms");
        assertThat(code).isEqualTo(ExitCodes.OK);
        ObjectMapper mapper = new ObjectMapper();
        var types = stdout().lines().map(l -> {
            try {
                return mapper.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
        assertThat(types).anyMatch(n -> n.get("type").asText().equals("connection")
                && n.get("label").asText().equals("Chat") && n.get("state").asText().equals("online"));
        assertThat(types).anyMatch(n -> n.get("type").asText().equals("connection")
                && n.get("label").asText().equals("Telephony") && n.get("state").asText().equals("offline"));
    }

    @Test
    void aChatMessageTheServerRefusesFailsWithItsReasonAndExitsSix() throws Exception {
        chatBehaviour = p -> {
            p.goOnline(TLS);
            new Thread(() -> {
                while (p.written().isEmpty()) {
                    Thread.onSpinWait();
                }
                String id = p.written().get(0).id();
                p.refuse(id, "the recipient's server does not accept this message (service-unavailable)");
                p.acknowledge(id); // the server's ack follows its error reply
            }).start();
        };
        int code = run("chat", "-c", config.toString(), "--json", "nobody@cusax.test", "anyone?");
        assertThat(code).isEqualTo(ExitCodes.DELIVERY_FAILED);
        assertThat(stdout().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("state").asText()).isEqualTo("failed");
        assertThat(json.get("reason").asText()).contains("service-unavailable");
    }

    @Test
    void humanListenShowsContactsAsPeopleReadThemWithoutProgressLines() {
        chatBehaviour = p -> {
            p.goOnline(TLS);
            p.callbacks().onRoster(java.util.List.of(new org.cusax.core.port.RosterItem("bob@cusax.test", "Bob",
                    "both")));
            p.callbacks().onContactsLoading(0, 1);
            p.callbacks().onPresence("bob@cusax.test", new org.cusax.core.contact.Presence(
                    org.cusax.core.contact.Availability.AWAY, "lunch"));
            p.callbacks().onPresence("bob@cusax.test", new org.cusax.core.contact.Presence(
                    org.cusax.core.contact.Availability.AWAY, "lunch"));
            p.callbacks().onContactsLoaded(1);
        };
        assertThat(run("listen", "-c", config.toString(), "--for", "300ms")).isEqualTo(ExitCodes.OK);
        var lines = stdout().lines().toList();
        assertThat(lines).noneMatch(l -> l.equals("contact-updated") || l.equals("contacts-loading")
                || l.equals("contacts-loaded") || l.isBlank());
        assertThat(lines).contains("contact Bob <bob@cusax.test>: away \"lunch\"", "contact list loaded (1 contact)");
        assertThat(lines).filteredOn(l -> l.startsWith("contact Bob")).doesNotHaveDuplicates();
    }
}
