package org.cusax.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.cusax.core.call.CallState;
import org.cusax.core.call.CallerClaims;
import org.cusax.core.call.EndReason;
import org.cusax.core.contact.Availability;
import org.cusax.core.event.CallAnswered;
import org.cusax.core.event.CallEnded;
import org.cusax.core.event.IncomingCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry over the core (RFC 7081 §4 call routing, RFC 3261 call control, RFC 6121 presence) on fakes. */
class CommandRegistryTest {
    private ApiFixture f = new ApiFixture();

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static ErrorCode code(ApiResponse r) {
        assertThat(r.ok()).as("expected an error, got %s", r.data()).isFalse();
        return r.error().orElseThrow().code();
    }

    @Test
    void everyIssueCommandIsOneEntry() {
        assertThat(f.registry.entries().keySet()).contains("status", "roster", "contact", "chat", "call", "answer",
                "reject", "busy", "hangup", "hold", "resume", "dtmf", "presence", "chat-with-caller", "history", "calls");
    }

    @Test
    void unknownCommandsAndBadParametersAreTypedErrors() throws Exception {
        f.online();
        assertThat(code(f.run("nosuch", Map.of()))).isEqualTo(ErrorCode.UNKNOWN_COMMAND);
        assertThat(code(f.run("chat", Map.of("to", "bob@cusax.test")))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(code(f.run("chat", Map.of("to", "not a jid", "text", "hi")))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(code(f.run("chat", Map.of("to", 42, "text", "hi")))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(code(f.run("presence", Map.of("show", "unavailable")))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(code(f.run("history", Map.of("limit", -1)))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(code(f.run("contact", Map.of("jid", "nobody@cusax.test")))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(code(f.run("hangup", Map.of("callId", "nope")))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(code(f.run("answer", Map.of()))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void statusAndChatGoThroughTheCore() throws Exception {
        f.online();
        f.events.await(org.cusax.core.event.ConnectionChanged.class, e -> e.status().state().up()
                && e.status().half() == org.cusax.core.service.Half.TELEPHONY, ApiFixture.WAIT);
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) f.run("status", Map.of()).data();
        assertThat(((Map<?, ?>) status.get("telephony")).get("state")).isEqualTo("online");
        java.util.concurrent.CompletableFuture<ApiResponse> pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return f.run("chat", Map.of("to", "bob@cusax.test", "text", "hello", "waitMs", 5000));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        String id = f.events.await(org.cusax.core.event.ChatMessageStatusChanged.class,
                e -> e.state() == org.cusax.core.chat.DeliveryState.SENT, ApiFixture.WAIT).message().id();
        f.chat.acknowledge(id);
        ApiResponse sent = pending.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(sent.ok()).isTrue();
        assertThat(((Map<?, ?>) sent.data()).get("state")).isEqualTo("acknowledged");
        f.chat.rejectNext();
        ApiResponse refused = f.run("chat", Map.of("to", "nobody@cusax.test", "text", "x", "waitMs", 5000));
        assertThat(((Map<?, ?>) refused.data()).get("state")).isEqualTo("failed");
        assertThat(f.chat.written()).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("hello"));
    }

    /** RFC 6121 §4.7.2.1 show values: our own presence goes to the XMPP half. */
    @Test
    void presenceSetsOurOwnShowAndStatus() throws Exception {
        f.online();
        ApiResponse r = f.run("presence", Map.of("show", "dnd", "status", "in a meeting"));
        assertThat(r.ok()).isTrue();
        // posted to the XMPP half's executor (no cross-half call on the caller's thread)
        assertThat(org.cusax.core.testing.Eventually.holds(() -> !f.chat.presences().isEmpty(), ApiFixture.WAIT)).isTrue();
        assertThat(f.chat.presences()).last().satisfies(p -> {
            assertThat(p.availability()).isEqualTo(Availability.DND);
            assertThat(p.status()).isEqualTo("in a meeting");
        });
    }

    /** A page that loads later shows the presence chosen before (not "available" by default). */
    @Test
    void ownPresenceSaysWhatWasChosen() throws Exception {
        f.online();
        assertThat(f.run("own-presence", Map.of()).data()).isEqualTo(Map.of("show", "available", "status", "",
                "shownNow", Map.of("show", "available", "status", "")));
        f.run("presence", Map.of("show", "xa", "status", "back monday"));
        assertThat(f.run("own-presence", Map.of()).data()).isEqualTo(Map.of("show", "xa", "status", "back monday",
                "shownNow", Map.of("show", "xa", "status", "back monday")));
    }

    @Test
    void aCallWithTelephonyDownIsRefusedAsTelephonyDown() throws Exception {
        f.chat.goOnline(ApiFixture.TLS);
        assertThat(code(f.run("call", Map.of("target", "sip:bob@cusax.test")))).isEqualTo(ErrorCode.TELEPHONY_DOWN);
        assertThat(f.telephony.placedCalls()).isEmpty();
    }

    /** RFC 7081 §4: a contact with several numbers: the choices (label + number), then the one picked. */
    @Test
    void aContactWithSeveralNumbersListsTheChoicesAndTakesTheOnePicked() throws Exception {
        f.online().withContacts();
        ApiResponse asked = f.run("call", Map.of("target", "bob@cusax.test"));
        assertThat(code(asked)).isEqualTo(ErrorCode.AMBIGUOUS_TARGET);
        assertThat(asked.error().orElseThrow().details().get("choices")).isEqualTo(List.of(
                Map.of("n", 1, "label", "mobile", "number", "tel:+33612345678"),
                Map.of("n", 2, "label", "work", "number", "tel:+33184880012")));
        assertThat(f.telephony.placedCalls()).isEmpty();

        assertThat(f.run("call", Map.of("target", "bob@cusax.test", "number", "2")).ok()).isTrue();
        assertThat(f.run("call", Map.of("target", "bob@cusax.test", "number", "mobile")).ok()).isTrue();
        assertThat(f.telephony.placedCalls()).extracting(r -> r.target()).containsExactly(
                "sip:+33184880012@cusax.test;user=phone", "sip:+33612345678@cusax.test;user=phone");
        assertThat(code(f.run("call", Map.of("target", "bob@cusax.test", "number", "home"))))
                .isEqualTo(ErrorCode.AMBIGUOUS_TARGET);
        assertThat(code(f.run("call", Map.of("target", "echo@cusax.test")))).isEqualTo(ErrorCode.NO_ROUTE);
    }

    /** Live audio: an answer without tone, play or record uses the microphone and speaker; mute sends silence. */
    @Test
    void answerWithoutScriptIsLiveAndMuteTogglesTheAnsweredCall() throws Exception {
        f.online();
        f.telephony.callbacks().onIncomingCall("in-1", CallerClaims.fromOnly("sip:carol@cusax.test"));
        f.events.await(IncomingCall.class, e -> true, ApiFixture.WAIT);
        assertThat(code(f.run("mute", Map.of()))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(f.run("answer", Map.of("output", "none")).ok()).isTrue();
        org.cusax.core.call.AudioPlan plan = f.telephony.answerPlans().get("in-1");
        assertThat(plan.play()).isInstanceOf(org.cusax.core.call.PlaySource.Microphone.class);
        assertThat(plan.speaker()).isEmpty(); // output none: nothing played
        assertThat(f.run("answer", Map.of("callId", "in-1", "tone", 440.0, "play", "/x.wav")).ok()).isFalse();

        f.telephony.callbacks().onCallAnswered("in-1");
        f.events.await(org.cusax.core.event.CallAnswered.class, e -> true, ApiFixture.WAIT);
        ApiResponse muted = f.run("mute", Map.of());
        assertThat(muted.ok()).isTrue();
        assertThat(f.run("mute", Map.of("muted", false)).ok()).isTrue();
        assertThat(f.telephony.actions()).containsSubsequence("mute in-1", "unmute in-1");
        assertThat(code(f.run("mute", Map.of("muted", "yes")))).isEqualTo(ErrorCode.BAD_REQUEST);

        ApiResponse switched = f.run("call-audio-device", Map.of("output", "USB Headset"));
        assertThat(switched.ok()).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) switched.data();
        assertThat(data).containsEntry("callId", "in-1").containsEntry("output", "USB Headset").doesNotContainKey("input");
        assertThat(f.telephony.actions()).contains("audio-devices in-1 - USB Headset");
        assertThat(code(f.run("call-audio-device", Map.of()))).as("no device named").isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(code(f.run("call-audio-device", Map.of("callId", "nosuch", "input", "default"))))
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    /** RFC 3261 §13.3: the one ringing call is answered without naming it; two need an id. */
    @Test
    void answerWithoutIdTakesTheOneRingingCall() throws Exception {
        f.online();
        f.telephony.callbacks().onIncomingCall("in-1", CallerClaims.fromOnly("sip:carol@cusax.test"));
        f.events.await(IncomingCall.class, e -> true, ApiFixture.WAIT);
        assertThat(code(f.run("hold", Map.of("callId", "in-1")))).isEqualTo(ErrorCode.CONFLICT);
        assertThat(f.run("answer", Map.of()).ok()).isTrue();
        assertThat(f.telephony.actions()).contains("answer in-1");

        f.telephony.callbacks().onIncomingCall("in-2", CallerClaims.fromOnly("sip:dave@cusax.test"));
        f.telephony.callbacks().onIncomingCall("in-3", CallerClaims.fromOnly("sip:erin@cusax.test"));
        f.events.await(IncomingCall.class, e -> e.call().id().equals("in-3"), ApiFixture.WAIT);
        ApiResponse which = f.run("busy", Map.of());
        assertThat(code(which)).isEqualTo(ErrorCode.AMBIGUOUS_TARGET);
        assertThat((List<?>) which.error().orElseThrow().details().get("choices")).hasSize(3);
        assertThat(f.run("busy", Map.of("callId", "in-2")).ok()).isTrue();
        assertThat(f.run("reject", Map.of("callId", "in-3")).ok()).isTrue();
        assertThat(f.telephony.actions()).contains("reject in-2 486", "reject in-3 603");
        assertThat((List<?>) f.run("calls", Map.of()).data()).hasSize(3);
    }

    @Test
    void holdResumeDtmfAndHangupReachTheSipHalf() throws Exception {
        f.online();
        f.telephony.callbacks().onIncomingCall("in-1", CallerClaims.fromOnly("sip:carol@cusax.test"));
        f.events.await(IncomingCall.class, e -> true, ApiFixture.WAIT);
        f.run("answer", Map.of());
        f.telephony.callbacks().onCallAnswered("in-1");
        f.events.await(CallAnswered.class, e -> true, ApiFixture.WAIT);
        assertThat(code(f.run("dtmf", Map.of("digits", "12x")))).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(f.run("dtmf", Map.of("digits", "12#")).ok()).isTrue();
        assertThat(f.run("hold", Map.of()).ok()).isTrue();
        assertThat(f.run("hangup", Map.of()).ok()).isTrue();
        assertThat(f.telephony.actions()).containsSubsequence("dtmf in-1 12#", "hold in-1", "hangup in-1");
    }

    /** The call's timed steps (formerly CLI timers) run from the answer, on injected timers; none after the end. */
    @Test
    void scriptedStepsRunAfterTheAnswerAndStopWithTheCall() throws Exception {
        f.online();
        ApiResponse placed = f.run("call", Map.of("target", "sip:bob@cusax.test", "answerTimeoutMs", 30000,
                "holdAfterMs", 1000, "resumeAfterMs", 2000, "hangupAfterMs", 3000));
        String id = (String) ((Map<?, ?>) placed.data()).get("callId");
        ApiFixture.Task cancelUnanswered = f.nextTask();
        assertThat(cancelUnanswered.delay).hasSeconds(30);
        f.telephony.callbacks().onCallAnswered(id);
        ApiFixture.Task hold = f.nextTask();
        ApiFixture.Task resume = f.nextTask();
        ApiFixture.Task hangup = f.nextTask();
        assertThat(List.of(hold.delay.toMillis(), resume.delay.toMillis(), hangup.delay.toMillis()))
                .containsExactly(1000L, 2000L, 3000L);
        cancelUnanswered.work.run(); // answered: the timeout does nothing
        hold.work.run();
        assertThat(f.telephony.actions()).containsSubsequence("invite " + id + " sip:bob@cusax.test", "hold " + id)
                .doesNotContain("hangup " + id);
        f.telephony.endCall(id, EndReason.of(EndReason.Kind.HUNG_UP_REMOTELY, "bye"));
        f.events.await(CallEnded.class, e -> true, ApiFixture.WAIT);
        // the end cancels what had not run yet
        long deadline = System.nanoTime() + ApiFixture.WAIT.toNanos();
        while (!(resume.cancelled && hangup.cancelled) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(resume.cancelled && hangup.cancelled).isTrue();
        assertThat(f.client.calls()).singleElement().satisfies(c -> assertThat(c.state()).isEqualTo(CallState.ENDED));
    }

    @Test
    void anUnansweredCallIsCancelledWhenItsAnswerTimeoutFires() throws Exception {
        f.online();
        ApiResponse placed = f.run("call", Map.of("target", "sip:bob@cusax.test", "answerTimeoutMs", 500));
        String id = (String) ((Map<?, ?>) placed.data()).get("callId");
        f.nextTask().work.run();
        assertThat(f.telephony.actions()).contains("hangup " + id);
    }
}
