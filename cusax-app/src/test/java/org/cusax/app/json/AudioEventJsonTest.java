package org.cusax.app.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.cusax.core.audio.AudioDirection;
import org.cusax.core.call.Call;
import org.cusax.core.event.AudioDeviceFailed;
import org.cusax.core.event.CallMuted;
import org.cusax.core.service.CusaxLink;
import org.junit.jupiter.api.Test;

/** The live-audio events as JSON (docs/cli.md): call-muted and audio-device-failed. */
class AudioEventJsonTest {
    private final JsonWriter json = new JsonWriter(System.out);
    private final Call call = Call.outgoing("c1", "sip:bob@cusax.test", Instant.EPOCH).answeredAt(Instant.EPOCH);
    private final CusaxLink link = org.cusax.core.testing.TestAccounts.link("alice");

    @Test
    void callMuted() {
        String text = json.compact(JsonModel.event(new CallMuted(Instant.EPOCH, call, true), link));
        assertThat(text).startsWith("{\"type\":\"call-muted\",\"at\":\"1970-01-01T00:00:00Z\",\"callId\":\"c1\"")
                .contains("\"state\":\"answered\"").endsWith("\"muted\":true}");
    }

    @Test
    void audioDeviceFailed() {
        String text = json.compact(JsonModel.event(new AudioDeviceFailed(Instant.EPOCH, "c1", AudioDirection.OUTPUT,
                "USB", "no speaker matches 'USB' (there are: default [default])"), link));
        assertThat(text).isEqualTo("{\"type\":\"audio-device-failed\",\"at\":\"1970-01-01T00:00:00Z\",\"callId\":\"c1\","
                + "\"direction\":\"output\",\"device\":\"USB\",\"reason\":\"no speaker matches 'USB' (there are: default [default])\"}");
    }
}
