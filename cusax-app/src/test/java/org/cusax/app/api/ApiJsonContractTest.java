package org.cusax.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.cusax.core.call.Call;
import org.cusax.core.call.CallerIdentity;
import org.cusax.core.call.EndReason;
import org.cusax.core.chat.ChatMessage;
import org.cusax.core.chat.DeliveryState;
import org.cusax.core.chat.Direction;
import org.cusax.core.client.SecurityParity;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.contact.Availability;
import org.cusax.core.contact.Contact;
import org.cusax.core.contact.Presence;
import org.cusax.core.event.CallAnswered;
import org.cusax.core.event.CallEnded;
import org.cusax.core.event.CallHeld;
import org.cusax.core.event.CallResumed;
import org.cusax.core.event.CallRinging;
import org.cusax.core.event.ChatMessageReceived;
import org.cusax.core.event.ChatMessageStatusChanged;
import org.cusax.core.event.ConnectionChanged;
import org.cusax.core.event.ContactRemoved;
import org.cusax.core.event.ContactUpdated;
import org.cusax.core.event.ContactsLoaded;
import org.cusax.core.event.ContactsLoading;
import org.cusax.core.event.CusaxEvent;
import org.cusax.core.event.DtmfReceived;
import org.cusax.core.event.IncomingCall;
import org.cusax.core.event.SecurityParityChanged;
import org.cusax.core.service.Half;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON contract of docs/api.md: every event, result and error encoded, written, parsed back, compared. */
class ApiJsonContractTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-12-04T10:15:30.123Z");
    private final ApiFixture f = new ApiFixture();
    private final EventEncoder encoder = new EventEncoder(TestAccounts.link("alice"));

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static Map<String, Object> roundTrip(Object value) throws Exception {
        return MAPPER.readValue(MAPPER.writeValueAsString(value), new TypeReference<Map<String, Object>>() { });
    }

    private static List<CusaxEvent> oneOfEach() {
        Call out = Call.outgoing("c1", "sip:bob@cusax.test", AT.minusSeconds(5));
        Call answered = out.answeredAt(AT);
        ChatMessage in = new ChatMessage("m1", "bob@cusax.test", Direction.INCOMING, "hi \"you\" ✓", AT);
        ConnectionStatus online = ConnectionStatus.online(Half.CHAT, ApiFixture.TLS);
        return List.of(new ConnectionChanged(AT, online),
                new SecurityParityChanged(AT, SecurityParity.evaluate(online, ConnectionStatus.offline(Half.TELEPHONY))),
                new ChatMessageReceived(AT, in),
                new ChatMessageStatusChanged(AT, ChatMessage.outgoing("bob@cusax.test", "x"), DeliveryState.ACKNOWLEDGED),
                new ContactsLoading(AT, 3, 7), new ContactsLoaded(AT, 7),
                new org.cusax.core.event.ContactsCapped(AT, 5, 7, 5),
                new ContactUpdated(AT, Contact.of("bob@cusax.test", "Bob").withPresence(new Presence(Availability.AWAY, "lunch"))),
                new ContactRemoved(AT, "eve@cusax.test"),
                new org.cusax.core.event.SubscriptionRequest(AT, "dave@cusax.test", "pending"),
                new CallRinging(AT, out.ringing()), new CallAnswered(AT, answered),
                new CallEnded(AT, answered.endedAt(AT.plusSeconds(3), EndReason.fromStatus(486, "Busy Here")),
                        EndReason.fromStatus(486, "Busy Here"), Duration.ofSeconds(3)),
                new IncomingCall(AT, Call.incoming("c2", "sip:carol@cusax.test", AT), CallerIdentity.unbound("sip:carol@cusax.test")),
                new DtmfReceived(AT, "c1", '#'), new CallHeld(AT, answered.held(true), true),
                new CallResumed(AT, answered, false), new org.cusax.core.event.CallMuted(AT, answered, true),
                new org.cusax.core.event.AudioDeviceFailed(AT, "c1", org.cusax.core.audio.AudioDirection.INPUT,
                        "default", "no sound device"),
                new org.cusax.core.event.CallAudioDeviceChanged(AT, answered, java.util.Optional.empty(),
                        java.util.Optional.of("USB Headset")),
                new ChatMessageStatusChanged(AT, ChatMessage.outgoing("nobody@cusax.test", "x"), DeliveryState.FAILED,
                        java.util.Optional.of("service-unavailable")));
    }

    @Test
    void theSamplesCoverEveryEventType() {
        Set<Class<?>> sampled = oneOfEach().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(Arrays.asList(CusaxEvent.class.getPermittedSubclasses()));
    }

    @Test
    void everyEventSurvivesTheRoundTripWithItsTypeTimeAndKeyFields() throws Exception {
        for (CusaxEvent e : oneOfEach()) {
            Map<String, Object> encoded = encoder.encode(e);
            Map<String, Object> parsed = roundTrip(encoded);
            assertThat(parsed).as(e.type()).isEqualTo(roundTrip(parsed));
            assertThat(List.copyOf(parsed.keySet()).subList(0, 2)).containsExactly("type", "at");
            assertThat(parsed.get("type")).isEqualTo(e.type());
            assertThat(Instant.parse((String) parsed.get("at"))).isEqualTo(AT);
            assertThat(parsed.keySet()).as(e.type()).containsExactlyElementsOf(encoded.keySet());
        }
        Map<String, Map<String, Object>> byType = new java.util.HashMap<>();
        // the failed chat-status sample comes last: it carries the server's refusal

        for (CusaxEvent e : oneOfEach()) {
            byType.put(e.type(), roundTrip(encoder.encode(e)));
        }
        assertThat(byType.get("chat-received")).containsEntry("from", "bob@cusax.test").containsEntry("body", "hi \"you\" ✓");
        assertThat(byType.get("chat-status")).containsEntry("state", "failed").containsEntry("reason", "service-unavailable");
        assertThat(byType.get("connection")).containsEntry("half", "chat").containsEntry("state", "online")
                .containsEntry("account", "alice@cusax.test");
        assertThat(byType.get("security-parity")).containsEntry("matched", true).containsEntry("chat", "tls").containsEntry("explanation", "only one half is online: nothing to compare")
                .containsEntry("decision", "one-half").containsEntry("profile", "warn");
        assertThat(byType.get("contacts-loading")).containsEntry("done", 3).containsEntry("total", 7);
        assertThat(byType.get("contacts-capped")).containsEntry("kept", 5).containsEntry("ignored", 7)
                .containsEntry("limit", 5).containsEntry("message",
                        "the server sent more contacts than contacts.max-roster = 5: 7 contacts were ignored, 5 kept");
        assertThat(byType.get("contact-updated")).containsEntry("jid", "bob@cusax.test");
        assertThat(byType.get("contact-removed")).containsEntry("jid", "eve@cusax.test");
        assertThat(byType.get("subscription-request")).containsEntry("jid", "dave@cusax.test")
                .containsEntry("state", "pending");
        assertThat(byType.get("call-ringing")).containsEntry("callId", "c1").containsEntry("state", "ringing");
        assertThat(byType.get("call-ended")).containsEntry("durationMs", 3000)
                .extractingByKey("reason").isEqualTo(Map.of("kind", "busy", "sipStatus", 486, "message", "486 Busy Here"));
        assertThat(byType.get("incoming-call")).containsEntry("callId", "c2").containsEntry("from", "sip:carol@cusax.test");
        assertThat(byType.get("dtmf")).containsEntry("digit", "#");
        assertThat(byType.get("call-held")).containsEntry("by", "us").containsEntry("state", "on-hold");
        assertThat(byType.get("call-resumed")).containsEntry("by", "peer");
        assertThat(byType.get("call-muted")).containsEntry("callId", "c1").containsEntry("muted", true);
        assertThat(byType.get("call-audio-device")).containsEntry("callId", "c1").containsEntry("output", "USB Headset")
                .doesNotContainKey("input");
        assertThat(byType.get("audio-device-failed")).containsEntry("direction", "input")
                .containsEntry("device", "default").containsEntry("reason", "no sound device");
    }

    @Test
    void everyErrorCodeSurvivesTheRoundTrip() throws Exception {
        for (ErrorCode code : ErrorCode.values()) {
            ApiError error = new ApiError(code, "why: " + code, Map.of("choices", List.of(Map.of("n", 1,
                    "label", "mobile", "number", "tel:+33612345678"))));
            ApiResponse response = ApiResponse.failed("call", error);
            ApiResponse back = ApiResponse.fromJson(roundTrip(response.toJson()));
            assertThat(back).isEqualTo(response);
            assertThat(roundTrip(response.toJson())).extractingByKey("error").extracting("code").isEqualTo(code.token());
        }
    }

    /** Every command's result (and the errors of a fresh session) reads back as what was sent. */
    @Test
    void everyCommandResultSurvivesTheRoundTrip() throws Exception {
        f.online().withContacts();
        f.telephony.callbacks().onIncomingCall("in-1", org.cusax.core.call.CallerClaims.fromOnly("sip:carol@cusax.test"));
        f.events.await(IncomingCall.class, e -> true, ApiFixture.WAIT);
        Map<String, Map<String, Object>> params = Map.ofEntries(Map.entry("contact", Map.of("jid", "bob@cusax.test")),
                Map.entry("chat", Map.of("to", "bob@cusax.test", "text", "hi")),
                Map.entry("chat-with-caller", Map.of("text", "hi")),
                Map.entry("call", Map.of("target", "bob@cusax.test", "number", "1")),
                Map.entry("dtmf", Map.of("digits", "1")), Map.entry("presence", Map.of("show", "away")),
                Map.entry("contact-add", Map.of("jid", "zoe@cusax.test", "groups", List.of("Work"))),
                Map.entry("contact-update", Map.of("jid", "bob@cusax.test", "name", "Robert")),
                Map.entry("contact-remove", Map.of("jid", "bob@cusax.test")),
                Map.entry("subscription-approve", Map.of("jid", "dave@cusax.test")),
                Map.entry("subscription-deny", Map.of("jid", "eve@cusax.test")));
        for (String command : f.registry.entries().keySet()) {
            ApiResponse r = f.run(command, params.getOrDefault(command, Map.of()));
            Map<String, Object> json = roundTrip(r.toJson());
            ApiResponse back = ApiResponse.fromJson(json);
            assertThat(back.command()).isEqualTo(command);
            assertThat(back.ok()).as(command).isEqualTo(r.ok());
            assertThat(back.error()).isEqualTo(r.error());
            assertThat(roundTrip(back.toJson())).as(command).isEqualTo(json);
        }
    }
}
