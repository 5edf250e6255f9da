package org.cusax.app.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.cusax.app.history.HistoryFiles;
import org.cusax.app.history.JsonLinesHistoryStore;
import org.cusax.app.json.JsonWriter;
import org.cusax.core.config.ClientConfig;
import org.cusax.core.config.ConfigError;
import org.cusax.core.contact.Jids;
import org.cusax.core.history.CallRecord;
import org.cusax.core.history.ChatRecord;
import org.cusax.core.history.ConversationHistory;
import org.cusax.core.history.HistoryEntry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Prints the account's call and chat history from disk; needs no connection. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Show the call history, or one contact's conversation (calls and chat messages).")
final class HistoryCommand implements Callable<Integer> {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParentCommand
    CusaxCli cli;

    @Option(names = "--contact", paramLabel = "JID", description = "Only this contact's calls and messages.")
    String contact;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "The newest N entries (0 = all; default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws InterruptedException {
        LogLevels.apply(cli.verbosity());
        ClientConfig config;
        try {
            config = cli.loadConfig();
        } catch (ConfigError e) {
            return cli.configError(e);
        }
        if (limit < 0) {
            cli.err.println("cusax: --limit must be 0 or more");
            return ExitCodes.USAGE;
        }
        Optional<String> jid = Optional.ofNullable(contact);
        if (jid.isPresent() && Jids.bare(jid.get()).filter(j -> j.indexOf('@') > 0).isEmpty()) {
            cli.err.println("cusax: --contact '" + contact + "' is not a contact's JID (expected user@domain)");
            return ExitCodes.USAGE;
        }
        if (HistoryFiles.file(config).isEmpty()) {
            cli.err.println("cusax: history.dir is empty: no history is kept");
        }
        java.util.Optional<org.cusax.app.remote.DaemonConnection> daemon = DaemonForwarding.find(cli, config);
        List<HistoryEntry> entries;
        if (daemon.isPresent()) {
            org.cusax.app.api.ApiResponse r = daemon.get().command("history", jid.isPresent()
                    ? java.util.Map.of("contact", jid.get(), "limit", limit) : java.util.Map.of("limit", limit));
            if (!r.ok()) {
                return DaemonForwarding.failed(cli, new JsonWriter(cli.out), r.error().get(), ExitCodes.NOT_ONLINE);
            }
            com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            entries = ((List<?>) r.data()).stream().map(e -> JsonLinesHistoryStore.fromJson(mapper.valueToTree(e))).toList();
        } else {
            entries = new ConversationHistory(HistoryFiles.store(config)).entries(jid, limit);
        }
        ZoneId zone = cli.zone();
        if (cli.json) {
            JsonWriter json = new JsonWriter(cli.out);
            entries.forEach(e -> {
                Map<String, Object> m = JsonLinesHistoryStore.toDisplayJson(e);
                m.put("at", e.at().atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                json.line(m);
            });
        } else {
            entries.forEach(e -> cli.out.println(human(e, zone)));
        }
        return ExitCodes.OK;
    }

    /** One line per entry, the time in the user's time zone to the second. */
    static String human(HistoryEntry e, ZoneId zone) {
        String at = SECONDS.format(e.at().atZone(zone));
        if (e instanceof CallRecord c) {
            return String.format("%s  call %-8s %-9s %-28s %s%s", at, c.direction().token(), c.outcome().token(),
                    c.contact().orElse("-"), c.remote(),
                    c.duration().isZero() ? "" : "  " + c.duration().toSeconds() + "s");
        }
        ChatRecord m = (ChatRecord) e;
        return String.format("%s  chat %-8s %-28s %s%s", at, m.direction().name().toLowerCase(java.util.Locale.ROOT),
                m.peer(), HumanFormat.continued(m.displayBody()), m.failure().map(r -> "  [failed: " + r + "]").orElse(""));
    }
}
