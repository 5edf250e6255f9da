package org.cusax.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallDirection;
import org.cusax.core.call.CallState;
import org.cusax.core.call.EndReason;
import org.cusax.core.event.CallAnswered;
import org.cusax.core.event.CallEnded;
import org.cusax.core.event.CallHeld;
import org.cusax.core.event.CallResumed;
import org.cusax.core.event.CallRinging;
import org.cusax.core.event.DtmfReceived;
import org.cusax.core.event.EventBus;
import org.cusax.core.event.IncomingCall;
import org.cusax.core.testing.EventRecorder;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 7081 §4 (calls go over the SIP half) and RFC 3261 §13 (call progress) through the command API. */
class CusaxClientCallsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final FakeTelephonyPort telephony = new FakeTelephonyPort();
    private final EventRecorder recorder = new EventRecorder();
    private CusaxClient client;

    @BeforeEach
    void setUp() {
        client = new CusaxClient(TestAccounts.link("alice"), Optional.of(new FakeChatPort()), Optional.of(telephony),
                new EventBus());
        client.subscribe(recorder);
        client.start();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void anOutgoingCallRingsIsAnsweredAndEndsWithEvents() throws Exception {
        Call call = client.placeCall("sip:bob@cusax.test", AudioPlan.silent());
        assertThat(call.state()).isEqualTo(CallState.DIALING);
        assertThat(telephony.placedCalls()).singleElement()
                .satisfies(r -> assertThat(r.target()).isEqualTo("sip:bob@cusax.test"))
                .satisfies(r -> assertThat(r.callId()).isEqualTo(call.id()));

        telephony.callbacks().onCallRinging(call.id());
        recorder.await(CallRinging.class, e -> e.call().id().equals(call.id()), WAIT);
        telephony.callbacks().onCallAnswered(call.id());
        assertThat(recorder.await(CallAnswered.class, e -> true, WAIT).call().answered()).isPresent();

        client.sendDtmf(call.id(), "123");
        client.hangUp(call.id());
        assertThat(telephony.actions()).containsSubsequence("dtmf " + call.id() + " 123", "hangup " + call.id());
        telephony.endCall(call.id(), EndReason.of(EndReason.Kind.HUNG_UP_LOCALLY, "you hung up"));

        CallEnded ended = recorder.await(CallEnded.class, e -> true, WAIT);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.HUNG_UP_LOCALLY);
        assertThat(ended.type()).isEqualTo("call-ended");
        assertThat(client.awaitCall(call.id(), CallState.ENDED, WAIT).orElseThrow().state()).isEqualTo(CallState.ENDED);
    }

    /** RFC 3264 §8.4: hold and resume reach the port; the call is on hold while either side holds it. */
    @Test
    void holdAndResumeAreReportedAsEventsAndState() throws Exception {
        Call call = client.placeCall("sip:bob@cusax.test", AudioPlan.silent());
        assertThatThrownBy(() -> client.hold(call.id())).isInstanceOf(IllegalStateException.class);
        telephony.callbacks().onCallAnswered(call.id());
        recorder.await(CallAnswered.class, e -> true, WAIT);

        client.hold(call.id());
        assertThat(telephony.actions()).contains("hold " + call.id());
        telephony.callbacks().onCallHeld(call.id(), true);
        CallHeld held = recorder.await(CallHeld.class, e -> e.byUs(), WAIT);
        assertThat(held.type()).isEqualTo("call-held");
        assertThat(held.call().state()).isEqualTo(CallState.ON_HOLD);
        telephony.callbacks().onCallHeld(call.id(), false);
        recorder.await(CallHeld.class, e -> !e.byUs(), WAIT);

        client.resume(call.id());
        assertThat(telephony.actions()).contains("resume " + call.id());
        telephony.callbacks().onCallResumed(call.id(), true);
        CallResumed ours = recorder.await(CallResumed.class, e -> e.byUs(), WAIT);
        assertThat(ours.type()).isEqualTo("call-resumed");
        assertThat(ours.call().state()).isEqualTo(CallState.ON_HOLD); // the far end still holds it
        telephony.callbacks().onCallResumed(call.id(), false);
        assertThat(recorder.await(CallResumed.class, e -> !e.byUs(), WAIT).call().state())
                .isEqualTo(CallState.ANSWERED);
    }

    @Test
    void busyEndsTheCallWithTheSipStatus() throws Exception {
        Call call = client.placeCall("sip:bob@cusax.test", AudioPlan.silent());
        telephony.endCall(call.id(), EndReason.fromStatus(486, "Busy Here"));
        CallEnded ended = recorder.await(CallEnded.class, e -> true, WAIT);
        assertThat(ended.reason().kind()).isEqualTo(EndReason.Kind.BUSY);
        assertThat(ended.reason().sipStatus()).hasValue(486);
        assertThat(ended.duration()).isZero();
        // a late or duplicate end is ignored: exactly one call-ended per call
        telephony.endCall(call.id(), EndReason.fromStatus(500, "late"));
        assertThat(recorder.of(CallEnded.class)).hasSize(1);
    }

    @Test
    void anIncomingCallCanBeRejectedOrAnswered() throws Exception {
        telephony.callbacks().onIncomingCall("in-1", org.cusax.core.call.CallerClaims.fromOnly("sip:carol@cusax.test"));
        IncomingCall incoming = recorder.await(IncomingCall.class, e -> true, WAIT);
        assertThat(incoming.type()).isEqualTo("incoming-call");
        assertThat(incoming.call().direction()).isEqualTo(CallDirection.INCOMING);
        assertThat(incoming.call().remote()).isEqualTo("sip:carol@cusax.test");
        client.reject("in-1", 486);
        assertThat(telephony.actions()).contains("reject in-1 486");

        telephony.callbacks().onIncomingCall("in-2", org.cusax.core.call.CallerClaims.fromOnly("sip:dave@cusax.test"));
        client.answer("in-2", AudioPlan.silent());
        telephony.callbacks().onCallAnswered("in-2");
        telephony.callbacks().onDtmf("in-2", '7');
        assertThat(recorder.await(DtmfReceived.class, e -> true, WAIT).digit()).isEqualTo('7');
        assertThatThrownBy(() -> client.answer("in-2", AudioPlan.silent())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> client.placeCall(" ", AudioPlan.silent())).hasMessageContaining("no call target");
        assertThatThrownBy(() -> client.reject("nope", 486)).hasMessageContaining("no such call");
        Call call = client.placeCall("sip:bob@cusax.test", AudioPlan.silent());
        assertThatThrownBy(() -> client.sendDtmf(call.id(), "12")).hasMessageContaining("not answered");
        assertThatThrownBy(() -> client.sendDtmf(call.id(), "x")).hasMessageContaining("not a DTMF digit");
        assertThatThrownBy(() -> client.reject(call.id(), 200)).hasMessageContaining("4xx-6xx");
    }
}
