package org.cusax.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.cusax.app.api.ApiResponse;
import org.cusax.app.json.JsonWriter;
import org.cusax.app.remote.DaemonConnection;

/**
 * {@code call} on the daemon: attaches to its events first (nothing of the call is missed), places the
 * call, prints that call's events until it ends; exit 0 when it was answered.
 */
final class RemoteCall {
    private final CusaxCli cli;
    private final JsonWriter json;
    private final List<Map<String, Object>> early = new ArrayList<>();
    private final CompletableFuture<Map<String, Object>> ended = new CompletableFuture<>();
    private String callId;

    RemoteCall(CusaxCli cli, JsonWriter json) {
        this.cli = cli;
        this.json = json;
    }

    int run(DaemonConnection daemon, Map<String, Object> params) throws Exception {
        try (AutoCloseable events = daemon.events(this::onEvent, why -> ended.complete(Map.of("closed", why)))) {
            ApiResponse placed = daemon.command("call", params);
            if (!placed.ok()) {
                return DaemonForwarding.failed(cli, json, placed.error().get(), ExitCodes.NO_ROUTE);
            }
            List<Map<String, Object>> before;
            synchronized (this) {
                callId = String.valueOf(RemoteFormat.map(placed.data()).get("callId"));
                before = List.copyOf(early);
                early.clear();
            }
            before.forEach(this::onEvent);
            Map<String, Object> last = ended.get();
            if (last.containsKey("closed")) {
                cli.err.println("cusax: " + last.get("closed"));
                return ExitCodes.CALL_FAILED;
            }
            return last.get("answered") != null ? ExitCodes.OK : ExitCodes.CALL_FAILED;
        }
    }

    private void onEvent(Map<String, Object> e) {
        synchronized (this) {
            if (callId == null) {
                early.add(e);
                return;
            }
        }
        String type = String.valueOf(e.get("type"));
        if (!callId.equals(e.get("callId")) || !(type.startsWith("call-") || type.equals("dtmf"))) {
            return;
        }
        if (cli.json) {
            json.line(e);
        } else {
            cli.out.println(RemoteFormat.event(e));
            cli.out.flush();
        }
        if (type.equals("call-ended")) {
            ended.complete(e);
        }
    }
}
