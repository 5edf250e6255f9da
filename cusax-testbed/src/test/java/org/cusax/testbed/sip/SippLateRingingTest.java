package org.cusax.testbed.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.cusax.testbed.process.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The testbed's sipp callers survive a 180 Ringing that arrives after the 200 OK, as Kamailio's UDP workers
 * deliver now and then (RFC 3261 §17.1.1.2: a provisional response after the final one changes nothing).
 * Proven without a proxy, against a UA that always sends its 180 after the ACK.
 */
class SippLateRingingTest {

    @TempDir
    Path dir;

    @Test
    void rfc3261_17_1_1_2_aCallWhose180ComesAfterThe200IsAnsweredAndEndedNormally() {
        Sipp sipp = new Sipp(dir.resolve("ua"), "127.0.0.1", 5060, "example.test");
        try (SippUa ua = sipp.lateRingingUa("oto")) {
            Command.Result call = new Sipp(dir.resolve("caller"), "127.0.0.1", ua.port(), "example.test").call("oto");

            assertThat(call.exitCode()).as(call.output()).isZero();
            assertLateRinging(ua);
            assertThat(ua.messages()).contains("BYE sip:oto@");
        }
    }

    @Test
    void rfc3261_17_1_1_2_aCallWithMediaWhose180ComesAfterThe200IsAnsweredAndEndedNormally() throws IOException {
        Path ulaw = dir.resolve("silence.ulaw");
        byte[] silence = new byte[1600];
        Arrays.fill(silence, (byte) 0xFF);
        Files.write(ulaw, silence);
        Sipp sipp = new Sipp(dir.resolve("ua"), "127.0.0.1", 5060, "example.test");
        try (SippUa ua = sipp.lateRingingUa("pia")) {
            Command.Result call = new Sipp(dir.resolve("caller"), "127.0.0.1", ua.port(), "127.0.0.1:" + ua.port())
                    .callWithMedia("pia", ulaw, "", Duration.ofMillis(200), Duration.ofMillis(200));

            assertThat(call.exitCode()).as(call.output()).isZero();
            assertLateRinging(ua);
        }
    }

    @Test
    void theUaReallySendsIts180AfterThe200_sippsBuiltInUacAbortsOnIt() {
        Sipp sipp = new Sipp(dir.resolve("ua"), "127.0.0.1", 5060, "example.test");
        try (SippUa ua = sipp.lateRingingUa("quy")) {
            Command.Result builtIn = Command.of("sipp", "-sn", "uac", "127.0.0.1:" + ua.port(), "-t", "u1",
                            "-i", "127.0.0.1", "-p", String.valueOf(org.cusax.testbed.process.FreePorts.next()),
                            "-m", "1", "-s", "quy", "-d", "1000", "-nostdin", "-timeout", "20s", "-timeout_error")
                    .directory(dir).timeout(Duration.ofSeconds(40)).run();

            assertThat(builtIn.exitCode()).as(builtIn.output()).isNotZero();
            assertThat(builtIn.output()).contains("Aborting call on unexpected message").contains("SIP/2.0 180");
        }
    }

    /** The UA's own trace: it received the ACK before it sent the 180, so the caller saw them in that order. */
    private static void assertLateRinging(SippUa ua) {
        String log = ua.messages();
        int ack = log.indexOf("ACK sip:");
        int ringing = log.indexOf("SIP/2.0 180 Ringing");
        assertThat(ack).as(log).isNotNegative();
        assertThat(ringing).as("180 sent after the ACK arrived:\n" + log).isGreaterThan(ack);
    }
}
