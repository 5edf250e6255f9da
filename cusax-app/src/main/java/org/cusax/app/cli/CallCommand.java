package org.cusax.app.cli;

import java.time.Duration;

import org.cusax.app.json.ContactJson;
import org.cusax.app.json.JsonWriter;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.routing.RoutingDecision;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Resolves a call target to an account and an address (RFC 7081 §4). Placing the call itself comes
 * with the Calls issue; until then {@code --dry-run} is required and reports the routing decision.
 */
@Command(name = "call", description = "Call a roster JID, a SIP/tel URI or a number (for now: --dry-run shows the routing).")
final class CallCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "TARGET", description = "bob@example.com, sip:bob@example.com, tel:+33612345678 or 0612345678.")
    String target;

    @Option(names = "--dry-run", description = "Only show which account and address the call would use.")
    boolean dryRun;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait for login and the contact list (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    int run(CusaxClient client, JsonWriter json) throws InterruptedException {
        if (!dryRun) {
            cli.err.println("cusax: placing calls is not available yet; use --dry-run to see how the call would be routed");
            return ExitCodes.USAGE;
        }
        client.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        client.awaitSettled(timeout);
        while (System.nanoTime() < deadline && client.link().chat().isPresent()
                && client.status().chat().state().up() && !client.awaitContactsLoaded(Duration.ofMillis(200))) {
            // wait for the contact list so that roster JIDs and numbers resolve
        }
        RoutingDecision decision = client.route(target);
        if (cli.json) {
            json.pretty(ContactJson.decision(target, decision));
        } else {
            cli.out.println(human(decision));
        }
        return decision instanceof RoutingDecision.NoRoute ? ExitCodes.NO_ROUTE : ExitCodes.OK;
    }

    private static String human(RoutingDecision d) {
        if (d instanceof RoutingDecision.Route r) {
            return "would call " + r.address() + " (" + r.label().text() + r.contact().map(c -> ", " + c).orElse("")
                    + ") via " + r.account().address();
        }
        if (d instanceof RoutingDecision.ChooseAccount c) {
            return "choose the account for " + c.address() + ": " + c.candidates().stream()
                    .map(a -> a.address()).toList();
        }
        if (d instanceof RoutingDecision.ChooseAddress c) {
            return "choose the number of " + c.contact() + ": " + c.options().stream()
                    .map(t -> t.label().text() + " " + t.normalized().orElse(t.uri())).toList();
        }
        return "cannot call: " + ((RoutingDecision.NoRoute) d).message();
    }
}
