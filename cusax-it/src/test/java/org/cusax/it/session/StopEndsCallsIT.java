package org.cusax.it.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.EndReason;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.event.CallAnswered;
import org.cusax.core.event.CallEnded;
import org.cusax.core.event.IncomingCall;
import org.cusax.core.service.Half;
import org.cusax.it.support.CliProcess;
import org.cusax.it.support.RunningClient;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what Ctrl-C also triggers) of {@code cusax call} during an answered call, through a real
 * Kamailio: the command ends the call with a BYE before it exits (RFC 3261 §15.1.1), so the callee does
 * not stay "answered" for ever.
 */
class StopEndsCallsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults().withProsody(false));

    @TempDir
    Path dir;

    @Test
    void sigtermOfTheCallCommandHangsUpWithBye() throws Exception {
        TestUser alice = TB.testbed().createUser("alicestop");
        TestUser bob = TB.testbed().createUser("bobstop");
        Path conf = TB.testbed().writeClientConfig(alice, SipTransport.UDP);
        try (RunningClient b = RunningClient.start(TB.testbed(), bob, SipTransport.UDP)) {
            b.await(Half.TELEPHONY, ConnectionState.ONLINE);
            try (CliProcess call = CliProcess.start(TB.testbed().host(), dir, "call", List.of("call", bob.sipAor(), "--json",
                    "-c", conf.toString(), "--timeout", "60s"))) {
                IncomingCall incoming = b.events().await(IncomingCall.class, e -> true, WAIT);
                b.client().answer(incoming.call().id(), AudioPlan.silent());
                call.await("call-answered", WAIT);
                b.events().await(CallAnswered.class, e -> true, WAIT);
                call.close(); // SIGTERM, as Ctrl-C or a service manager sends it
                CallEnded ended = b.events().await(CallEnded.class, e -> e.call().id().equals(incoming.call().id()),
                        WAIT);
                assertThat(ended.reason().kind()).as(call.output()).isEqualTo(EndReason.Kind.HUNG_UP_REMOTELY);
            }
            assertThat(b.client().liveState().calls()).isZero();
        }
    }
}
