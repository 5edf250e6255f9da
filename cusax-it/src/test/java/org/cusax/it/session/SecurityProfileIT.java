package org.cusax.it.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;
import org.cusax.core.call.EndReason;
import org.cusax.core.client.ServiceStatus;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.connection.FailureReason;
import org.cusax.core.event.IncomingCall;
import org.cusax.core.security.GuardVerdict;
import org.cusax.core.security.MediaDecision;
import org.cusax.core.service.Half;
import org.cusax.it.support.RunningClient;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.process.Command;
import org.cusax.testbed.sip.SipTransport;
import org.cusax.testbed.sip.SippUa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 7081 §7 security-profile guard, the whole matrix against real Prosody (XMPP with STARTTLS) and real
 * Kamailio (SIP over TLS, TCP or UDP): for each {@code security.profile} and SIP transport, the guard's
 * decision on the halves (the one the unit matrix SecurityGuardTest gives, acted on by the client), and,
 * where Telephony runs, its decision on calls with SRTP on (a second cusax client answers, SDES SRTP) and
 * off (sipp, which has no SRTP: it answers our call and calls us with plain RTP/AVP). One testbed, one
 * SRTP peer and one sipp UA for the whole class; the matrix is printed at the end.
 */
class SecurityProfileIT {
    private static final Duration CALL = Duration.ofSeconds(30);

    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults());

    private static final List<String> MATRIX = new ArrayList<>();
    private static final ExecutorService ANSWERING = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "security-matrix-answer");
        t.setDaemon(true);
        return t;
    });
    private static int users;
    private static RunningClient srtpPeer;
    private static TestUser srtpPeerUser;
    private static SippUa plainPeer;
    private static java.nio.file.Path sippTone;
    private static TestUser plainPeerUser;

    /** What happened to one call, for the assertions and the printed matrix. */
    private record Outcome(Call call) {
        boolean answered() {
            return call.answered().isPresent();
        }

        String text() {
            String media = call.media().map(d -> d.protection() + (d.warning() ? " WARNED" : "")
                    + (d.allowed() ? "" : " REFUSED")).orElse("-");
            String end = call.endReason().map(r -> r.kind().token()).orElse("live");
            return (answered() ? "answered" : "not answered") + ", media " + media + ", ended " + end;
        }
    }

    @BeforeAll
    static void peers() throws java.io.IOException {
        sippTone = org.cusax.it.support.AudioFiles.ulawTone(TB.testbed().runDir().resolve("sipp-tone.ulaw"), 440,
                Duration.ofSeconds(2));
        srtpPeerUser = newUser("srtppeer");
        srtpPeer = RunningClient.start(TB.testbed(), srtpPeerUser, SipTransport.TLS,
                Map.of("security.profile", "off"));
        srtpPeer.client().subscribe(event -> {
            if (event instanceof IncomingCall in) {
                ANSWERING.execute(() -> srtpPeer.client().answer(in.call().id(), AudioPlan.silent()));
            }
        });
        srtpPeer.await(Half.TELEPHONY, ConnectionState.ONLINE);
        plainPeerUser = newUser("plainpeer");
        plainPeer = TB.testbed().sipp().answeringUa(plainPeerUser.name());
        Command.Result reg = TB.testbed().sipp().register(plainPeerUser.name(), plainPeerUser.password(),
                plainPeer.port(), 600);
        assertThat(reg.exitCode()).as("sipp REGISTER: %s", reg.output()).isZero();
    }

    @AfterAll
    static void printMatrix() {
        try {
            if (srtpPeer != null) {
                srtpPeer.close();
            }
            if (plainPeer != null) {
                plainPeer.close();
            }
        } finally {
            ANSWERING.shutdownNow();
            System.out.println("RFC 7081 §7 guard matrix (XMPP over STARTTLS, real Prosody and Kamailio):");
            System.out.printf("%-8s %-4s | %-16s | %-52s | %-52s | %s%n", "profile", "SIP", "halves",
                    "SRTP on (out, cusax peer)", "SRTP off (out, sipp)", "SRTP off (in, sipp)");
            MATRIX.forEach(System.out::println);
        }
    }

    private static synchronized TestUser newUser(String stem) {
        return TB.testbed().createUser(stem + (++users));
    }

    @ParameterizedTest(name = "XMPP TLS + SIP over {0}, security.profile = {1} -> {2}")
    @CsvSource({
            "TLS, matched, EQUAL",
            "TCP, matched, MISMATCH_REFUSED",
            "UDP, matched, MISMATCH_REFUSED",
            "TLS, warn,    EQUAL",
            "TCP, warn,    MISMATCH_WARNED",
            "UDP, warn,    MISMATCH_WARNED",
            "TLS, off,     NOT_COMPARED",
            "TCP, off,     NOT_COMPARED",
            "UDP, off,     NOT_COMPARED"})
    void theGuardDecidesAsTheMatrixSays(SipTransport transport, String profile, GuardVerdict expected)
            throws Exception {
        TestUser user = newUser("guard");
        try (RunningClient c = RunningClient.start(TB.testbed(), user, transport,
                Map.of("security.profile", profile))) {
            c.await(Half.CHAT, ConnectionState.ONLINE);
            if (expected == GuardVerdict.MISMATCH_REFUSED) {
                ConnectionStatus tel = c.await(Half.TELEPHONY, ConnectionState.FAILED);
                assertThat(tel.reason()).get().extracting(FailureReason::kind)
                        .isEqualTo(FailureReason.Kind.SECURITY_PROFILE);
                assertThat(tel.reason()).get().extracting(FailureReason::message).asString()
                        .contains("Telephony uses SIP over " + transport.name() + " (unencrypted")
                        .contains("while Chat uses XMPP (TLSv1.")
                        .contains("certificate verified for " + TB.testbed().options().domain())
                        .contains("set sip.transport = tls");
            } else {
                c.await(Half.TELEPHONY, ConnectionState.ONLINE);
            }
            ServiceStatus status = c.client().status();
            assertThat(status.chat().state()).isEqualTo(ConnectionState.ONLINE);
            assertThat(status.parity().decision().verdict()).isEqualTo(expected);
            assertThat(status.parity().matched()).isEqualTo(expected != GuardVerdict.MISMATCH_REFUSED
                    && expected != GuardVerdict.MISMATCH_WARNED);
            if (expected == GuardVerdict.MISMATCH_WARNED) {
                assertThat(status.parity().explanation()).contains("Telephony runs anyway");
            }
            String row = String.format("%-8s %-4s | %-16s", profile, transport, expected);
            if (expected == GuardVerdict.MISMATCH_REFUSED) {
                MATRIX.add(row + " | Telephony kept offline: no call can be placed or received");
                return;
            }
            Outcome srtpOn = callOut(c, srtpPeerUser.sipAor());
            Outcome srtpOffOut = callOut(c, plainPeerUser.sipAor());
            Outcome srtpOffIn = callIn(c, user);
            MATRIX.add(String.format("%s | %-52s | %-52s | %s", row, srtpOn.text(), srtpOffOut.text(),
                    srtpOffIn.text()));
            checkCalls(transport == SipTransport.TLS, profile, srtpOn, srtpOffOut, srtpOffIn);
        }
    }

    private static void checkCalls(boolean tls, String profile, Outcome srtpOn, Outcome offOut, Outcome offIn) {
        assertThat(srtpOn.answered()).as("SRTP call: %s", srtpOn.text()).isTrue();
        MediaDecision on = srtpOn.call().media().orElseThrow();
        assertThat(on.srtp()).isTrue();
        assertThat(on.warning()).isFalse();
        for (Outcome plain : List.of(offOut, offIn)) {
            if (tls && profile.equals("matched")) {
                // RFC 7081 §7 for a call: media weaker than the TLS signalling is refused, with the reason
                assertThat(plain.answered()).as("plain RTP over TLS under matched: %s", plain.text()).isFalse();
                EndReason why = plain.call().endReason().orElseThrow();
                assertThat(why.kind()).isEqualTo(EndReason.Kind.INSECURE_MEDIA);
                assertThat(why.message()).contains("plain RTP while its signalling uses TLS")
                        .contains("security.profile = warn");
            } else {
                assertThat(plain.answered()).as("plain RTP call: %s", plain.text()).isTrue();
                MediaDecision d = plain.call().media().orElseThrow();
                assertThat(d.srtp()).isFalse();
                assertThat(d.allowed()).isTrue();
                assertThat(d.warning()).as(d.explanation()).isEqualTo(tls && profile.equals("warn"));
            }
        }
    }

    /** We call {@code target}; once answered (or refused) we hang up; returns the call as it ended. */
    private static Outcome callOut(RunningClient c, String target) throws InterruptedException {
        Call placed = c.client().placeCall(target, AudioPlan.silent());
        Call settled = c.client().awaitCall(placed.id(), CallState.ANSWERED, CALL).orElseThrow();
        if (settled.state() != CallState.ENDED) {
            c.client().hangUp(placed.id());
        }
        return new Outcome(c.client().awaitCall(placed.id(), CallState.ENDED, CALL).orElseThrow());
    }

    /** sipp (plain RTP/AVP offer, no SRTP) calls {@code user} with a tone; we answer when it rings; sipp hangs up. */
    private static Outcome callIn(RunningClient c, TestUser user) throws Exception {
        CompletableFuture<Command.Result> sipp = CompletableFuture.supplyAsync(() -> TB.testbed().sipp()
                .callWithMedia(user.name(), sippTone, "", Duration.ofMillis(300), Duration.ofMillis(300)));
        IncomingCall in = c.events().await(IncomingCall.class, e -> true, CALL);
        Call now = c.client().calls().stream().filter(k -> k.id().equals(in.call().id())).findFirst().orElseThrow();
        if (now.state() == CallState.RINGING) {
            try {
                c.client().answer(in.call().id(), AudioPlan.silent());
            } catch (IllegalStateException | IllegalArgumentException refusedMeanwhile) {
                // the guard refused the call while it was being reported: its end reason says why
            }
        }
        Call ended = c.client().awaitCall(in.call().id(), CallState.ENDED, CALL).orElseThrow();
        Command.Result result = sipp.get();
        assertThat(result.exitCode() == 0).as("sipp's exit code follows the answer: %s", result.output())
                .isEqualTo(ended.answered().isPresent());
        return new Outcome(ended);
    }
}
