package org.cusax.app.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cusax.app.api.ApiError;
import org.cusax.app.api.ApiResponse;
import org.cusax.app.api.ErrorCode;
import org.cusax.app.json.JsonWriter;
import org.cusax.app.remote.DaemonConnection;
import org.cusax.core.config.ClientConfig;

/**
 * How the CLI uses a running daemon: finds it (never from inside the demo's own session), and turns the
 * API's typed errors into messages and exit codes.
 */
final class DaemonForwarding {
    private DaemonForwarding() {
    }

    /** The daemon for the configured account, unless this command runs inside an interactive session. */
    static Optional<DaemonConnection> find(CusaxCli cli, ClientConfig config) {
        return cli.session().isPresent() ? Optional.empty() : DaemonConnection.find(config);
    }

    /**
     * Prints a refused command (stderr, or one JSON object on stdout with --json) and returns its exit code.
     *
     * @param downCode the exit code when the needed half is down (7 for calls, 4 otherwise)
     */
    static int failed(CusaxCli cli, JsonWriter json, ApiError e, int downCode) {
        if (cli.json) {
            json.line(Map.of("error", e.toJson()));
        } else {
            Object choices = e.details().get("choices");
            cli.err.println("cusax: " + e.message() + (choices instanceof List<?> l && e.code() == ErrorCode.AMBIGUOUS_TARGET
                    && !l.isEmpty() && l.get(0) instanceof Map<?, ?> ? RemoteFormat.choices(l) : "")
                    + (e.code() == ErrorCode.CONFIRMATION_REQUIRED
                    ? ". Add --yes to call anyway (or set routing.confirm-inter-domain = false)." : ""));
        }
        return switch (e.code()) {
            case BAD_REQUEST, UNKNOWN_COMMAND, NOT_FOUND, AMBIGUOUS_TARGET, CONFLICT -> ExitCodes.USAGE;
            case NO_ROUTE, CONFIRMATION_REQUIRED -> ExitCodes.NO_ROUTE;
            case TELEPHONY_DOWN -> downCode;
            case CHAT_DOWN -> ExitCodes.NOT_ONLINE;
            case SIGN_IN_REFUSED, THROTTLED -> ExitCodes.SIGN_IN_REFUSED;
            case NOT_DISCOVERED -> ExitCodes.CONFIG;
            case PROVISIONING_FAILED -> ExitCodes.PROVISIONING_FAILED;
            case UNAUTHORIZED, FORBIDDEN, INTERNAL -> ExitCodes.INTERNAL;
        };
    }

    /** Runs one command; prints its data (JSON or a human line) or its error; returns the exit code. */
    static int simple(CusaxCli cli, DaemonConnection daemon, String command, Map<String, Object> params)
            throws InterruptedException {
        JsonWriter json = new JsonWriter(cli.out);
        ApiResponse r = daemon.command(command, params);
        if (!r.ok()) {
            return failed(cli, json, r.error().get(), ExitCodes.NOT_ONLINE);
        }
        if (cli.json) {
            json.line(r.data());
        } else {
            Map<String, Object> d = RemoteFormat.map(r.data());
            cli.out.println(command + ": " + (d.containsKey("callId")
                    ? "call " + d.get("callId") + " with " + d.get("remote") + " (" + d.get("state") + ")" : d));
        }
        return ExitCodes.OK;
    }
}
