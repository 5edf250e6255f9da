package org.cusax.app.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.cusax.app.api.ApiResponse;
import org.cusax.app.json.JsonWriter;
import org.cusax.app.remote.DaemonConnection;

/** {@code status}, {@code roster} and {@code chat} as commands to the running daemon: same output, same exit codes. */
final class RemoteCommands {
    private RemoteCommands() {
    }

    static int status(CusaxCli cli, DaemonConnection daemon, JsonWriter json, Duration settle) throws InterruptedException {
        ApiResponse r = daemon.command("status", Map.of("settleMs", settle.toMillis()));
        if (!r.ok()) {
            return DaemonForwarding.failed(cli, json, r.error().get(), ExitCodes.NOT_ONLINE);
        }
        Map<String, Object> status = RemoteFormat.map(r.data());
        boolean allUp = true;
        for (String half : List.of("chat", "telephony")) {
            Map<String, Object> h = RemoteFormat.map(status.get(half));
            allUp &= h.get("account") == null || "online".equals(h.get("state"));
        }
        if (cli.json) {
            json.line(status);
        } else {
            cli.out.println(RemoteFormat.half(RemoteFormat.map(status.get("chat"))));
            cli.out.println(RemoteFormat.half(RemoteFormat.map(status.get("telephony"))));
            Map<String, Object> parity = RemoteFormat.map(status.get("securityParity"));
            if (!Boolean.TRUE.equals(parity.get("matched"))) {
                cli.out.println("WARNING: " + parity.get("explanation"));
            }
        }
        return allUp ? ExitCodes.OK : ExitCodes.NOT_ONLINE;
    }

    static int roster(CusaxCli cli, DaemonConnection daemon, JsonWriter json) throws InterruptedException {
        ApiResponse r = daemon.command("roster", Map.of());
        if (!r.ok()) {
            return DaemonForwarding.failed(cli, json, r.error().get(), ExitCodes.NOT_ONLINE);
        }
        Map<String, Object> roster = RemoteFormat.map(r.data());
        if (cli.json) {
            json.line(roster);
        } else {
            List<Map<String, Object>> contacts = ((List<?>) roster.getOrDefault("contacts", List.of())).stream()
                    .map(RemoteFormat::map).toList();
            int jidWidth = ListingColumns.width(ListingColumns.JID, contacts, c -> RemoteFormat.str(c, "jid"));
            int nameWidth = ListingColumns.width(ListingColumns.NAME, contacts, c -> RemoteFormat.str(c, "name"));
            contacts.forEach(c -> cli.out.println(RemoteFormat.contact(c, jidWidth, nameWidth)));
        }
        if (!Boolean.TRUE.equals(roster.get("complete"))) {
            cli.err.println("cusax: the contact list is incomplete: the daemon is still loading it");
            return ExitCodes.NOT_ONLINE;
        }
        return ExitCodes.OK;
    }

    static int chat(CusaxCli cli, DaemonConnection daemon, JsonWriter json, String to, String text, Duration wait)
            throws InterruptedException {
        ApiResponse r = daemon.command("chat", Map.of("to", to, "text", text, "waitMs", wait.toMillis()));
        if (!r.ok()) {
            return DaemonForwarding.failed(cli, json, r.error().get(), ExitCodes.NOT_ONLINE);
        }
        Map<String, Object> m = RemoteFormat.map(r.data());
        String state = String.valueOf(m.get("state"));
        if (cli.json) {
            json.line(m);
        } else if (state.equals("acknowledged")) {
            cli.out.println("sent to " + m.get("to") + " (acknowledged)");
        } else {
            cli.err.println("cusax: message to " + m.get("to") + " not confirmed (" + state + "); Chat is " + m.get("chat")
                    + (m.get("reason") == null ? "" : ": " + m.get("reason")));
        }
        return switch (state) {
            case "acknowledged" -> ExitCodes.OK;
            case "failed" -> ExitCodes.DELIVERY_FAILED;
            default -> "failed".equals(m.get("chat")) ? ExitCodes.NOT_ONLINE : ExitCodes.NOT_DELIVERED;
        };
    }
}
