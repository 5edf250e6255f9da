package org.cusax.app.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cusax.app.json.CallJson;
import org.cusax.app.json.ContactJson;
import org.cusax.core.account.Account;
import org.cusax.core.call.AudioPlan;
import org.cusax.core.routing.InterDomain;
import org.cusax.core.config.AudioSettings;
import org.cusax.core.call.Call;
import org.cusax.core.client.CusaxCommands;
import org.cusax.core.connection.ConnectionStatus;
import org.cusax.core.contact.TelAddress;
import org.cusax.core.routing.RoutingDecision;

/**
 * The {@code call} command (RFC 7081 §4): waits (bounded) for the session to settle and the contact list
 * to load when asked, routes the target, asks back when a choice is needed (several numbers: label +
 * number, pick with {@code number}: a label or a 1-based index; several accounts: pick with {@code via}),
 * places the call and hands its timed steps to a {@link CallScript}.
 */
final class CallPlacing {
    private final CusaxCommands core;
    private final Timers timers;
    private final AudioSettings devices;

    CallPlacing(CusaxCommands core, Timers timers, AudioSettings devices) {
        this.core = core;
        this.timers = timers;
        this.devices = devices;
    }

    Object call(Params p) throws ApiException, InterruptedException {
        String target = p.string("target").strip();
        Optional<Duration> settle = p.optMillis("settleMs");
        if (settle.isPresent()) {
            core.awaitSettled(settle.get());
        }
        boolean sipUri = target.startsWith("sip:") || target.startsWith("sips:");
        if (!sipUri) {
            awaitContactList(p.optMillis("contactsWaitMs").orElse(Duration.ZERO));
        }
        if (p.flag("dryRun")) {
            return ContactJson.decision(target, core.route(target));
        }
        AudioPlan audio = CallCommands.audio(p, devices);
        ConnectionStatus telephony = core.status().telephony();
        if (!telephony.state().up()) {
            throw new ApiException(ErrorCode.TELEPHONY_DOWN, "Telephony is not online: "
                    + telephony.reason().map(r -> r.message()).orElse("still connecting"));
        }
        Optional<String> via = p.optString("via");
        RoutingDecision decision = core.route(target);
        String address = sipUri ? target : chooseAddress(target, decision, p.optString("number"), via);
        if (core.confirmInterDomain() && !p.flag("yes")) {
            Optional<InterDomain> flag = interDomain(decision).or(() -> interDomain(core.route(address)))
                    .filter(InterDomain::flagged);
            if (flag.isPresent()) {
                throw new ApiException(ErrorCode.CONFIRMATION_REQUIRED, "not dialled: " + flag.get().reason()
                        + "; confirm to call anyway", java.util.Map.of("reason", flag.get().reason()));
            }
        }
        Call call;
        try {
            call = core.placeCall(address, audio, via);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.NO_ROUTE, e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(ErrorCode.TELEPHONY_DOWN, e.getMessage());
        }
        CallScript.run(core, timers, call.id(), new CallScript.Steps(p.optMillis("answerTimeoutMs"),
                p.optString("dtmf"), p.optMillis("holdAfterMs"), p.optMillis("resumeAfterMs"),
                p.optMillis("hangupAfterMs")));
        return CallJson.call(call);
    }

    /** Whether the decision says the call leaves our service (RFC 7081 §5); empty when it names no route. */
    private static Optional<InterDomain> interDomain(RoutingDecision d) {
        if (d instanceof RoutingDecision.Route r) {
            return Optional.of(r.interDomain());
        }
        return d instanceof RoutingDecision.ChooseAccount c ? Optional.of(c.interDomain()) : Optional.empty();
    }

    /** What to hand to the core for {@code target}: the target itself, or the number the user picked. */
    private static String chooseAddress(String target, RoutingDecision decision, Optional<String> number,
                                        Optional<String> via) throws ApiException {
        if (decision instanceof RoutingDecision.NoRoute none) {
            ErrorCode code = none.reason() == RoutingDecision.Reason.NO_ACCOUNT_ONLINE ? ErrorCode.TELEPHONY_DOWN
                    : ErrorCode.NO_ROUTE;
            throw new ApiException(code, "cannot call " + target + ": " + none.message(),
                    Map.of("reason", none.reason().token()));
        }
        if (decision instanceof RoutingDecision.ChooseAccount choose && via.isEmpty()) {
            throw new ApiException(ErrorCode.AMBIGUOUS_TARGET, "several accounts can call " + target
                    + ": choose one with via", Map.of("choose", "account", "choices",
                    choose.candidates().stream().map(Account::address).toList()));
        }
        if (decision instanceof RoutingDecision.ChooseAddress choose) {
            TelAddress picked = number.isEmpty() ? null : pick(choose.options(), number.get());
            if (picked == null) {
                throw new ApiException(ErrorCode.AMBIGUOUS_TARGET, choose.contact() + " has several numbers: "
                        + (number.isEmpty() ? "choose one with number (label or 1-" + choose.options().size() + ")"
                        : "'" + number.get() + "' is none of them"),
                        Map.of("choose", "number", "contact", choose.contact(), "choices", choices(choose.options())));
            }
            return picked.normalized().orElse(picked.uri());
        }
        return target;
    }

    /** The option numbered {@code choice} (1-based) or the only one with that label; null if none or several. */
    private static TelAddress pick(List<TelAddress> options, String choice) {
        String c = choice.strip().toLowerCase(Locale.ROOT);
        if (c.matches("\\d{1,3}")) {
            int n = Integer.parseInt(c);
            return n >= 1 && n <= options.size() ? options.get(n - 1) : null;
        }
        List<TelAddress> labelled = options.stream().filter(t -> t.label().token().equals(c)
                || t.label().text().toLowerCase(Locale.ROOT).equals(c)
                || t.normalized().orElse(t.uri()).equals(choice.strip())).toList();
        return labelled.size() == 1 ? labelled.get(0) : null;
    }

    static List<Map<String, Object>> choices(List<TelAddress> options) {
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            TelAddress t = options.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", i + 1);
            m.put("label", t.label().token());
            m.put("number", t.normalized().orElse(t.uri()));
            list.add(m);
        }
        return list;
    }

    /** Waits (bounded) for the contact list while Chat is up, so that JIDs and numbers resolve. */
    private void awaitContactList(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!core.awaitContactsLoaded(Duration.ZERO) && System.nanoTime() < deadline
                && core.status().chat().state().up()) {
            core.awaitContactsLoaded(Duration.ofMillis(200));
        }
    }
}
