package org.cusax.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.cusax.app.json.ContactJson;
import org.cusax.app.json.JsonModel;
import org.cusax.app.json.JsonWriter;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.call.Call;
import org.cusax.core.call.CallState;
import org.cusax.core.call.PlaySource;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.routing.InterDomain;
import org.cusax.core.routing.RoutingDecision;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Places a call over the SIP half and prints its events until it ends (RFC 7081 §4 routing, RFC 3261
 * §13 call). With {@code --dry-run} only reports which account and address the call would use.
 */
@Command(name = "call", mixinStandardHelpOptions = true, description = "Call a SIP URI (or a roster JID / number that routes to one); --dry-run shows the routing.")
final class CallCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "TARGET", description = "bob@example.com, sip:bob@example.com, tel:+33612345678 or 0612345678.")
    String target;

    @Option(names = "--dry-run", description = "Only show which account and address the call would use.")
    boolean dryRun;

    @Option(names = "--yes", description = "Place a call that leaves your service (inter-domain, RFC 7081 §5) without asking.")
    boolean yes;

    @Option(names = "--via", paramLabel = "ACCOUNT",
            description = "The account to call through: sip, xmpp or an account's address (when several can call).")
    String via;

    @Option(names = "--play", paramLabel = "FILE.wav", description = "Send this WAV file (default: silence).")
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

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait for login and the contact list (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    int run(CusaxClient client, JsonWriter json) throws Exception {
        if (!dryRun) {
            return placeCall(client, json);
        }
        start(client);
        long deadline = System.nanoTime() + timeout.toNanos();
        client.awaitSettled(timeout);
        awaitContactList(client, deadline);
        RoutingDecision decision = client.route(target);
        if (cli.json) {
            json.pretty(ContactJson.decision(target, decision));
        } else {
            cli.out.println(human(decision));
        }
        return decision instanceof RoutingDecision.NoRoute ? ExitCodes.NO_ROUTE : ExitCodes.OK;
    }

    private int placeCall(CusaxClient client, JsonWriter json) throws Exception {
        AudioPlan plan;
        try {
            plan = new AudioPlan(tone != null ? new PlaySource.Tone(tone)
                    : play != null ? new PlaySource.WavFile(play) : new PlaySource.Silence(), Optional.ofNullable(record));
        } catch (IllegalArgumentException e) {
            cli.err.println("cusax: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        // stays subscribed until the client closes, which delivers every queued event first; in an
        // interactive session the session prints every event itself
        if (!inSession()) {
            subscribeToCallEvents(client, json);
        }
        start(client);
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!client.awaitSettled(timeout).telephony().state().up()) {
            cli.err.println("cusax: Telephony is not online: " + client.status().telephony().reason()
                    .map(r -> r.message()).orElse("still connecting"));
            return ExitCodes.NOT_ONLINE;
        }
        if (!target.strip().startsWith("sip:") && !target.strip().startsWith("sips:")) {
            awaitContactList(client, deadline); // a roster JID or a number resolves through the contacts
        }
        Optional<InterDomain> unconfirmed = interDomain(client.route(target))
                .filter(f -> f.flagged() && client.confirmInterDomain() && !yes);
        if (unconfirmed.isPresent()) {
            cli.err.println("cusax: not dialled: " + unconfirmed.get().reason()
                    + ". Add --yes to call anyway (or set routing.confirm-inter-domain = false).");
            return ExitCodes.NO_ROUTE;
        }
        Call call;
        try {
            call = client.placeCall(target, plan, Optional.ofNullable(via));
        } catch (IllegalArgumentException | IllegalStateException e) {
            cli.err.println("cusax: " + e.getMessage());
            return ExitCodes.NO_ROUTE;
        }
        Call now = client.awaitCall(call.id(), CallState.ANSWERED, timeout).orElse(call);
        if (now.state() == CallState.ANSWERED) {
            long answeredAt = System.nanoTime();
            if (dtmf != null) {
                client.sendDtmf(call.id(), dtmf);
            }
            if (holdAfter != null && !awaitEndUntil(client, call.id(), answeredAt, holdAfter)) {
                client.hold(call.id());
            }
            if (resumeAfter != null && !awaitEndUntil(client, call.id(), answeredAt, resumeAfter)) {
                client.resume(call.id());
            }
            if (hangupAfter != null && !awaitEndUntil(client, call.id(), answeredAt, hangupAfter)) {
                client.hangUp(call.id());
            }
        } else if (now.state() != CallState.ENDED) {
            client.hangUp(call.id()); // no answer in time: cancel
        }
        Call last = client.awaitCall(call.id(), CallState.ENDED, Duration.ofDays(1)).orElse(now);
        return last.answered().isPresent() ? ExitCodes.OK : ExitCodes.CALL_FAILED;
    }

    private void subscribeToCallEvents(CusaxClient client, JsonWriter json) {
        client.subscribe(event -> {
            if (event.type().startsWith("call-") || event.type().equals("dtmf")) {
                if (cli.json) {
                    json.line(JsonModel.event(event, client.link()));
                } else {
                    cli.out.println(HumanFormat.event(event, client.link()));
                    cli.out.flush();
                }
            }
        });
    }

    /** Waits until {@code seconds} after {@code since} (nanoTime) unless the call ends first; true if it ended. */
    private static boolean awaitEndUntil(CusaxClient client, String callId, long since, double seconds)
            throws InterruptedException {
        long left = since + (long) (seconds * 1e9) - System.nanoTime();
        Call c = client.awaitCall(callId, CallState.ENDED, Duration.ofNanos(Math.max(0, left))).orElse(null);
        return c == null || c.state() == CallState.ENDED;
    }

    /** Waits (until the deadline) for the contact list while Chat is up, so JIDs and numbers resolve. */
    private static void awaitContactList(CusaxClient client, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline && client.link().chat().isPresent()
                && client.status().chat().state().up() && !client.awaitContactsLoaded(Duration.ofMillis(200))) {
            // keep waiting
        }
    }

    private static Optional<InterDomain> interDomain(RoutingDecision d) {
        if (d instanceof RoutingDecision.Route r) {
            return Optional.of(r.interDomain());
        }
        return d instanceof RoutingDecision.ChooseAccount c ? Optional.of(c.interDomain()) : Optional.empty();
    }

    private static String human(RoutingDecision d) {
        String flag = interDomain(d).filter(InterDomain::flagged).map(f -> "\ninter-domain: " + f.reason()).orElse("");
        if (d instanceof RoutingDecision.Route r) {
            return "would call " + r.address() + " (" + r.label().text() + r.contact().map(c -> ", " + c).orElse("")
                    + ") via " + r.account().address() + flag;
        }
        if (d instanceof RoutingDecision.ChooseAccount c) {
            return "choose the account for " + c.address() + ": " + c.candidates().stream()
                    .map(a -> a.address()).toList() + flag;
        }
        if (d instanceof RoutingDecision.ChooseAddress c) {
            return "choose the number of " + c.contact() + ": " + c.options().stream()
                    .map(t -> t.label().text() + " " + t.normalized().orElse(t.uri())).toList();
        }
        return "cannot call: " + ((RoutingDecision.NoRoute) d).message();
    }
}
