package org.cusax.it.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.cusax.app.assembly.CusaxAssembly;
import org.cusax.app.cli.CusaxCli;
import org.cusax.it.support.Await;
import org.cusax.it.support.profile.ServiceProfile;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.sip.SipTransport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * RFC 3264 §8.4 from the command line: {@code cusax call --hold-after --resume-after} against
 * {@code cusax listen --answer auto}, both full clients over TLS through the profile's SIP proxy; each
 * side's JSON shows the hold and the resume, ours as {@code by: us}, the other side's as {@code by: peer}.
 * Run against real Kamailio ({@link CliHoldIT}) and the sandbox ({@link CliHoldSandboxIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CliHoldScenarios {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The servers of this run, started once per class by the subclass's extension. */
    protected abstract ServiceProfile service();

    @Test
    @DisplayName("RFC 3264 §8.4: call --hold-after/--resume-after report call-held and call-resumed on both sides")
    void theCallCommandHoldsAndResumes() throws Exception {
        TestUser alice = service().createUser("aliceclihold");
        TestUser bob = service().createUser("bobclihold");
        Path aliceConf = service().writeClientConfig(alice, SipTransport.TLS);
        Path bobConf = service().writeClientConfig(bob, SipTransport.TLS);
        ByteArrayOutputStream bobOut = new ByteArrayOutputStream();
        Thread listener = new Thread(() -> cli(bobOut).execute("listen", "--json", "-c", bobConf.toString(),
                "--answer", "auto", "--for", "30s"));
        listener.start();
        try {
            Await.until("bob registered", WAIT,
                    () -> service().registeredContacts(bob.name()).size() == 1);
            ByteArrayOutputStream aliceOut = new ByteArrayOutputStream();
            int code = cli(aliceOut).execute("call", "--json", "-c", aliceConf.toString(), bob.sipAor(),
                    "--tone", "1000", "--hold-after", "1", "--resume-after", "2", "--hangup-after", "3");
            String aliceJson = aliceOut.toString(StandardCharsets.UTF_8);
            assertThat(code).as("alice's call; output: %s", aliceJson).isZero();
            assertThat(aliceJson).containsSubsequence("\"call-answered\"", "\"call-held\"", "\"by\":\"us\"",
                    "\"call-resumed\"", "\"call-ended\"");
            Await.until("bob saw the hold, the resume and the end", WAIT, () -> {
                String out = bobOut.toString(StandardCharsets.UTF_8);
                return out.contains("\"call-held\"") && out.contains("\"call-resumed\"")
                        && out.contains("\"call-ended\"");
            });
            assertThat(bobOut.toString(StandardCharsets.UTF_8)).contains("\"by\":\"peer\"")
                    .contains("\"state\":\"on-hold\"");
        } finally {
            listener.interrupt();
            listener.join(40_000);
        }
    }

    private static CusaxCli cli(ByteArrayOutputStream out) {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new CusaxCli(new CusaxAssembly(), java.util.Map.of(), Path.of(System.getProperty("user.home")), ps, ps);
    }
}
