package org.cusax.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.cusax.core.audio.AudioDevice;
import org.cusax.core.audio.AudioDirection;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.EndReason;
import org.cusax.core.event.AudioDeviceFailed;
import org.cusax.core.event.CallAnswered;
import org.cusax.core.event.CallEnded;
import org.cusax.core.event.CallMuted;
import org.cusax.core.event.EventBus;
import org.cusax.core.history.InMemoryHistoryStore;
import org.cusax.core.config.PresenceSettings;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.contact.ContactBook;
import org.cusax.core.contact.TelPreference;
import org.cusax.core.testing.EventRecorder;
import org.cusax.core.testing.FakeChatPort;
import org.cusax.core.testing.FakeTelephonyPort;
import org.cusax.core.testing.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live audio through the command API: the device list, mute (silence is sent) and a device that cannot be opened. */
class CallAudioControlTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final AudioDevice HEADSET = new AudioDevice("USB Headset [plughw:1,0]", "Direct Audio Device", true, true);

    private final FakeTelephonyPort telephony = new FakeTelephonyPort();
    private final EventRecorder recorder = new EventRecorder();
    private CusaxClient client;

    @BeforeEach
    void setUp() {
        client = new CusaxClient(TestAccounts.link("alice"), Optional.of(new FakeChatPort()), Optional.of(telephony),
                new EventBus(), new ContactBook(new AddressNormalizer("US")), TelPreference.defaults(),
                ClientOptions.defaults().withPresence(PresenceSettings.defaults())
                        .withHistory(new InMemoryHistoryStore()).withAudioDevices(() -> List.of(HEADSET))
                        .withPolicy(org.cusax.core.config.ServicePolicy.independent(), Runnable::run));
        client.subscribe(recorder);
        client.start();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void listsTheDevicesOfTheSoundSystem() {
        assertThat(client.audioDevices()).containsExactly(HEADSET);
    }

    @Test
    void muteTellsThePortAndIsReportedUntilTheCallEnds() throws Exception {
        Call call = answeredCall();

        client.mute(call.id(), true);
        CallMuted muted = recorder.await(CallMuted.class, e -> e.muted(), WAIT);
        assertThat(muted.call().id()).isEqualTo(call.id());
        assertThat(client.isMuted(call.id())).isTrue();
        client.mute(call.id(), true); // already muted: no second event
        client.mute(call.id(), false);
        recorder.await(CallMuted.class, e -> !e.muted(), WAIT);
        assertThat(telephony.actions()).containsSubsequence("mute " + call.id(), "unmute " + call.id());
        assertThat(recorder.of(CallMuted.class)).hasSize(2);

        client.mute(call.id(), true);
        telephony.endCall(call.id(), EndReason.of(EndReason.Kind.HUNG_UP_REMOTELY, "bye"));
        recorder.await(CallEnded.class, e -> e.call().id().equals(call.id()), WAIT);
        assertThat(client.isMuted(call.id())).as("an ended call is forgotten").isFalse();
        assertThatThrownBy(() -> client.mute(call.id(), false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ended");
    }

    @Test
    void anUnknownCallCannotBeMuted() {
        assertThatThrownBy(() -> client.mute("nosuch", true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(telephony.actions()).noneMatch(a -> a.startsWith("mute"));
    }

    @Test
    void aDeviceThatCannotBeOpenedIsAnEventAndTheCallGoesOn() throws Exception {
        Call call = answeredCall();
        telephony.callbacks().onAudioDeviceFailed(call.id(), AudioDirection.INPUT, "default",
                "no sound device: the sound system offers no microphone");
        AudioDeviceFailed failed = recorder.await(AudioDeviceFailed.class, e -> true, WAIT);
        assertThat(failed.callId()).isEqualTo(call.id());
        assertThat(failed.direction()).isEqualTo(AudioDirection.INPUT);
        assertThat(failed.device()).isEqualTo("default");
        assertThat(failed.reason()).contains("no microphone");
        assertThat(failed.type()).isEqualTo("audio-device-failed");
        assertThat(client.calls()).singleElement().satisfies(c -> assertThat(c.state().token()).isEqualTo("answered"));
    }

    @Test
    void anAnsweredCallsDevicesAreSwitchedThroughThePortAndARingingOneIsRefused() throws Exception {
        Call ringing = client.placeCall("sip:carol@cusax.test", AudioPlan.live("default", "default"));
        assertThatThrownBy(() -> client.switchAudioDevices(ringing.id(), Optional.of("USB"), Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dialing");
        telephony.callbacks().onCallAnswered(ringing.id());
        recorder.await(CallAnswered.class, e -> e.call().id().equals(ringing.id()), WAIT);

        client.switchAudioDevices(ringing.id(), Optional.of("USB"), Optional.empty());
        client.switchAudioDevices(ringing.id(), Optional.empty(), Optional.of("default"));
        assertThatThrownBy(() -> client.switchAudioDevices(ringing.id(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(telephony.actions()).containsSubsequence("audio-devices " + ringing.id() + " USB -",
                "audio-devices " + ringing.id() + " - default");
        assertThat(telephony.actions()).filteredOn(a -> a.startsWith("audio-devices")).hasSize(2);
        var changed = recorder.await(org.cusax.core.event.CallAudioDeviceChanged.class,
                e -> e.output().isPresent(), WAIT);
        assertThat(changed.call().id()).isEqualTo(ringing.id());
        assertThat(changed.input()).isEmpty();
        assertThat(changed.output()).contains("default");
        assertThat(recorder.of(org.cusax.core.event.CallAudioDeviceChanged.class)).as("one per switch").hasSize(2);
    }

    private Call answeredCall() throws Exception {
        Call call = client.placeCall("sip:bob@cusax.test", AudioPlan.live("default", "default"));
        assertThat(telephony.placedCalls()).singleElement()
                .satisfies(r -> assertThat(r.audio().speaker()).contains("default"));
        telephony.callbacks().onCallAnswered(call.id());
        recorder.await(CallAnswered.class, e -> e.call().id().equals(call.id()), WAIT);
        return call;
    }
}
