package org.cusax.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.cusax.app.api.ApiResponse;
import org.cusax.app.api.CommandRegistry;
import org.cusax.app.api.Timers;
import org.cusax.app.json.JsonModel;
import org.cusax.app.json.JsonWriter;
import org.cusax.app.remote.DaemonConnection;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;
import org.cusax.core.client.CusaxClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Places a call and prints its events until it ends (RFC 7081 §4 routing, RFC 3261 §13 call), through the
 * command registry: on the running daemon when there is one, else on a session of its own. With
 * {@code --dry-run} only reports which account and address the call would use.
 */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = "Call a SIP URI (or a roster JID / number that routes to one); --dry-run shows the routing.")
final class CallCommand extends ClientCommand implements OnDaemon {
    @Parameters(index = "0", paramLabel = "TARGET", description = "bob@example.com, sip:bob@example.com, tel:+33612345678 or 0612345678.")
    String target;

    @Option(names = "--dry-run", description = "Only show which account and address the call would use.")
    boolean dryRun;

    @Option(names = "--yes", description = "Place a call that leaves your service (inter-domain, RFC 7081 §5) without asking.")
    boolean yes;

    @Option(names = "--via", paramLabel = "ACCOUNT",
            description = "The account to call through: sip, xmpp or an account's address (when several can call).")
    String via;

    @Option(names = "--number", paramLabel = "LABEL|N",
            description = "Which of the contact's numbers: its label (mobile, work, home…) or its place in the list (1, 2…).")
    String number;

    @Option(names = "--play", paramLabel = "FILE.wav", 
            description = "Send this WAV file (without --play, --tone and --record: a live call on the microphone and speaker).")
    Path play;

    @Option(names = "--tone", paramLabel = "HZ", description = "Send a sine tone of this frequency instead.")
    Double tone;

    @Option(names = "--record", paramLabel = "FILE.wav", description = "Record what the other side sends.")
    Path record;

    @Option(names = "--hangup-after", paramLabel = "SECONDS", description = "Hang up this long after the answer.")
    Double hangupAfter;

    @Option(names = "--hold-after", paramLabel = "SECONDS",
            description = "Put the call on hold this long after the answer (re-INVITE, a=sendonly).")
    Double holdAfter;

    @Option(names = "--resume-after", paramLabel = "SECONDS",
            description = "Resume the held call this long after the answer (re-INVITE, a=sendrecv).")
    Double resumeAfter;

    @Option(names = "--dtmf", paramLabel = "DIGITS", description = "Send these DTMF digits once answered.")
    String dtmf;

    @picocli.CommandLine.Mixin
    AudioDeviceOptions devices = new AudioDeviceOptions();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait for login, the contact list and the answer (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** The {@code call} command's parameters (docs/api.md); paths absolute, as the daemon may run elsewhere. */
    Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("target", target);
        Optional.ofNullable(via).ifPresent(v -> p.put("via", v));
        Optional.ofNullable(number).ifPresent(n -> p.put("number", n));
        Optional.ofNullable(tone).ifPresent(t -> p.put("tone", t));
        Optional.ofNullable(play).ifPresent(f -> p.put("play", f.toAbsolutePath().toString()));
        Optional.ofNullable(record).ifPresent(f -> p.put("record", f.toAbsolutePath().toString()));
        Optional.ofNullable(dtmf).ifPresent(d -> p.put("dtmf", d));
        Optional.ofNullable(devices.input).ifPresent(d -> p.put("input", d));
        Optional.ofNullable(devices.output).ifPresent(d -> p.put("output", d));
        Optional.ofNullable(holdAfter).ifPresent(s -> p.put("holdAfterMs", Math.round(s * 1000)));
        Optional.ofNullable(resumeAfter).ifPresent(s -> p.put("resumeAfterMs", Math.round(s * 1000)));
        Optional.ofNullable(hangupAfter).ifPresent(s -> p.put("hangupAfterMs", Math.round(s * 1000)));
        p.put("answerTimeoutMs", timeout.toMillis());
        p.put("settleMs", timeout.toMillis());
        p.put("contactsWaitMs", timeout.toMillis());
        if (dryRun) {
            p.put("dryRun", true);
        }
        if (yes) {
            p.put("yes", true);
        }
        return p;
    }

    @Override
    public int onDaemon(DaemonConnection daemon, JsonWriter json) throws Exception {
        if (dryRun) {
            return dryRunResult(daemon.command("call", params()), json);
        }
        return new RemoteCall(cli, json).run(daemon, params());
    }

    @Override
    int run(CusaxClient client, JsonWriter json) throws Exception {
        ScheduledExecutorService steps = Executors.newSingleThreadScheduledExecutor();
        try {
            CommandRegistry registry = CommandRegistry.standard(client, client.link(), Timers.on(steps),
                    devices.settings(audioSettings()));
            if (dryRun) {
                start(client);
                return dryRunResult(registry.execute("call", params()), json);
            }
            // stays subscribed until the client closes, which delivers every queued event first; in an
            // interactive session the session prints every event itself
            if (!inSession()) {
                subscribeToCallEvents(client, json);
            }
            start(client);
            ApiResponse placed = registry.execute("call", params());
            if (!placed.ok()) {
                return DaemonForwarding.failed(cli, json, placed.error().get(), ExitCodes.NO_ROUTE);
            }
            String id = String.valueOf(RemoteFormat.map(placed.data()).get("callId"));
            Call last = client.awaitCall(id, CallState.ENDED, Duration.ofDays(1)).orElseThrow();
            return last.answered().isPresent() ? ExitCodes.OK : ExitCodes.CALL_FAILED;
        } finally {
            steps.shutdownNow();
        }
    }

    private int dryRunResult(ApiResponse r, JsonWriter json) {
        if (!r.ok()) {
            return DaemonForwarding.failed(cli, json, r.error().get(), ExitCodes.NO_ROUTE);
        }
        Map<String, Object> decision = RemoteFormat.map(r.data());
        if (cli.json) {
            json.line(decision);
        } else {
            cli.out.println(RemoteFormat.decision(decision));
        }
        return "no-route".equals(decision.get("decision")) ? ExitCodes.NO_ROUTE : ExitCodes.OK;
    }

    private void subscribeToCallEvents(CusaxClient client, JsonWriter json) {
        client.subscribe(event -> {
            if (event.type().startsWith("call-") || event.type().equals("dtmf")
                    || event.type().equals("audio-device-failed")) {
                if (cli.json) {
                    json.line(JsonModel.event(event, client.link()));
                } else {
                    cli.out.println(HumanFormat.event(event, client.link()));
                    cli.out.flush();
                }
            }
        });
    }
}
