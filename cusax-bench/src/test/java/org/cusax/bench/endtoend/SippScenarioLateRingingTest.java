package org.cusax.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.cusax.testbed.process.ProcessHost;
import org.cusax.testbed.sip.Sipp;
import org.cusax.testbed.sip.SippUa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's sipp callers keep every call when Kamailio's UDP workers deliver the 200 OK before the 180
 * (RFC 3261 §17.1.1.2), and the INVITE → 180 bench still gets one ring time per call. Proven without a proxy,
 * against a UA that always sends its 180 after the ACK, and against one that rings first.
 */
class SippScenarioLateRingingTest {
    private static final int CALLS = 3;

    @TempDir
    Path dir;

    @Test
    void rfc3261_17_1_1_2_inviteRingingCountsOneRingPerCallWhenThe180ComesAfterThe200() throws IOException {
        Sipp sipp = new Sipp(dir.resolve("ua"), "127.0.0.1", 5060, "example.test");
        try (SippUa ua = sipp.lateRingingUa("oto")) {
            SippScenario.Outcome o = call(ua, "oto", "invite-ringing.xml", Map.of());

            assertThat(o.exitCode()).as(o.output()).isZero();
            assertThat(o.ringMillis()).as(o.output()).hasSize(CALLS);
            assertThat(countOf(ua.messages(), "BYE sip:")).isEqualTo(CALLS);
        }
    }

    @Test
    void inviteRingingCountsOneRingPerCallWhenThe180ComesFirst() throws IOException {
        Sipp sipp = new Sipp(dir.resolve("ua"), "127.0.0.1", 5060, "example.test");
        try (SippUa ua = sipp.answeringUa("pia")) {
            SippScenario.Outcome o = call(ua, "pia", "invite-ringing.xml", Map.of());

            assertThat(o.exitCode()).as(o.output()).isZero();
            assertThat(o.ringMillis()).as(o.output()).hasSize(CALLS);
        }
    }

    @Test
    void rfc3261_17_1_1_2_aG711CallWhose180ComesAfterThe200EndsNormally() throws IOException {
        Path ulaw = Tones.ulaw(dir.resolve("tone.ulaw"), 1000, Duration.ofMillis(200));
        Sipp sipp = new Sipp(dir.resolve("ua"), "127.0.0.1", 5060, "example.test");
        try (SippUa ua = sipp.lateRingingUa("quy")) {
            SippScenario.Outcome o = call(ua, "quy", "g711-call.xml",
                    Map.of("@AUDIO@", ulaw.toString(), "@CALL_MS@", "200"));

            assertThat(o.exitCode()).as(o.output()).isZero();
            assertThat(countOf(ua.messages(), "BYE sip:")).isEqualTo(CALLS);
        }
    }

    private SippScenario.Outcome call(SippUa ua, String user, String scenario, Map<String, String> fill)
            throws IOException {
        String target = "127.0.0.1:" + ua.port();
        return SippScenario.run(dir, ProcessHost.LOCAL, target, target, scenario, fill, user, CALLS, 1, 20,
                Duration.ofSeconds(60));
    }

    private static int countOf(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
