package org.cusax.app.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.cusax.app.json.ContactJson;
import org.cusax.app.json.JsonWriter;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.connection.ConnectionState;
import org.cusax.core.contact.Contact;
import org.cusax.core.contact.ContactTels;
import org.cusax.core.contact.TelAddress;
import org.cusax.core.event.ConnectionChanged;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Logs in, waits until every contact's details are loaded and the contacts' presences have arrived
 * ({@link PresenceSettling}), prints the contact list.
 */
@Command(name = "roster", mixinStandardHelpOptions = true, description = "Show the contact list with each contact's telephony addresses and Call action.")
final class RosterCommand extends ClientCommand implements OnDaemon {
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait for Chat and the contact details (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "Print once the list has not changed for this long after login and loading: the contacts' "
                    + "presences arrive as a burst after login (default: ${DEFAULT-VALUE}).")
    Duration settle;

    /** The clock the settling of presences is measured on. */
    Clock clock = Clock.systemUTC();

    @Override
    public int onDaemon(org.cusax.app.remote.DaemonConnection daemon, JsonWriter json) throws InterruptedException {
        return RemoteCommands.roster(cli, daemon, json);
    }

    @Override
    int run(CusaxClient client, JsonWriter json) throws Exception {
        PresenceSettling presences = new PresenceSettling(clock, settle);
        presences.onEvent(new ConnectionChanged(client.status().chat()));
        try (AutoCloseable watch = client.subscribe(presences)) {
            return print(client, json, presences);
        }
    }

    private int print(CusaxClient client, JsonWriter json, PresenceSettling presences) throws InterruptedException {
        start(client);
        Instant end = clock.instant().plus(timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean loaded = false;
        while (!loaded && System.nanoTime() < deadline
                && client.status().chat().state() != ConnectionState.FAILED) {
            loaded = client.awaitContactsLoaded(Duration.ofMillis(200));
        }
        boolean settled = false;
        if (loaded && client.status().chat().state() != ConnectionState.FAILED) {
            presences.loaded();
            settled = presences.await(end, Duration.ofMillis(100));
        }
        List<Contact> contacts = client.contacts().stream().sorted(Comparator.comparing(Contact::jid)).toList();
        if (cli.json) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("complete", loaded);
            m.put("presencesSettled", settled);
            m.put("contacts", contacts.stream().map(ContactJson::contact).toList());
            json.line(m);
        } else {
            int jidWidth = ListingColumns.width(ListingColumns.JID, contacts, Contact::jid);
            int nameWidth = ListingColumns.width(ListingColumns.NAME, contacts, Contact::displayName);
            for (Contact c : contacts) {
                cli.out.println(human(c, jidWidth, nameWidth));
            }
        }
        if (loaded && !settled) {
            cli.err.println("cusax: presences may still be arriving (Chat is not online, or contacts kept changing)");
        }
        if (!loaded) {
            cli.err.println("cusax: the contact list is incomplete: Chat is "
                    + client.status().chat().state().name().toLowerCase(java.util.Locale.ROOT)
                    + client.status().chat().reason().map(r -> " (" + r.message() + ")").orElse(""));
            return ExitCodes.NOT_ONLINE;
        }
        return ExitCodes.OK;
    }

    private static String human(Contact c, int jidWidth, int nameWidth) {
        StringBuilder sb = new StringBuilder(String.format("%-" + jidWidth + "s %-" + nameWidth + "s %-11s", c.jid(),
                c.displayName(), c.presence().availability().token()));
        sb.append(c.callable() ? " [Call]" : "       ");
        for (TelAddress t : DistinctTels.of(c.tels(), ContactTels::identity)) {
            sb.append("  ").append(t.label().text()).append(' ').append(t.normalized().orElse(t.uri()));
            if (!t.callable()) {
                sb.append(" (not callable)");
            }
        }
        return sb.toString();
    }
}
