package org.cusax.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.cusax.app.api.ApiResponse;
import org.cusax.app.json.JsonWriter;
import org.cusax.app.remote.DaemonConnection;

/** {@code listen} attached to the daemon's event stream: prints its events, optionally answers calls, until stopped. */
final class RemoteListen {
    private RemoteListen() {
    }

    static int run(CusaxCli cli, DaemonConnection daemon, JsonWriter json, Duration duration,
                   ListenCommand.AnswerMode answer, Path play, Path recordDir) throws Exception {
        CompletableFuture<String> closed = new CompletableFuture<>();
        ExecutorService actions = Executors.newSingleThreadExecutor();
        try (StopSignal signal = new StopSignal();
             AutoCloseable events = daemon.events(e -> {
                 if (cli.json) {
                     json.line(e);
                 } else {
                     cli.out.println(RemoteFormat.event(e));
                     cli.out.flush();
                 }
                 if (answer != null && "incoming-call".equals(e.get("type"))) {
                     actions.execute(() -> handle(cli, daemon, answer, String.valueOf(e.get("callId")), play, recordDir));
                 }
             }, closed::complete)) {
            // like a listen of its own, start with both halves' state: then the stream is known to be attached
            ApiResponse status = daemon.command("status", Map.of());
            for (String half : java.util.List.of("chat", "telephony")) {
                Map<String, Object> h = RemoteFormat.map(RemoteFormat.map(status.data()).get(half));
                if (!h.isEmpty()) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("type", "connection");
                    e.put("at", h.get("since"));
                    e.putAll(h);
                    if (cli.json) {
                        json.line(e);
                    } else {
                        cli.out.println(RemoteFormat.event(e));
                    }
                }
            }
            Thread waiter = new Thread(() -> {
                try {
                    signal.await(duration);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                closed.complete(null);
            }, "cusax-listen-stop");
            waiter.setDaemon(true);
            waiter.start();
            String why = closed.get();
            if (why != null) {
                cli.err.println("cusax: " + why);
                return ExitCodes.NOT_ONLINE;
            }
            return ExitCodes.OK;
        } finally {
            actions.shutdownNow();
        }
    }

    private static void handle(CusaxCli cli, DaemonConnection daemon, ListenCommand.AnswerMode mode, String callId,
                               Path play, Path recordDir) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("callId", callId);
        String command = switch (mode) {
            case auto -> "answer";
            case reject -> "reject";
            case busy -> "busy";
        };
        if (mode == ListenCommand.AnswerMode.auto) {
            if (play != null) {
                p.put("play", play.toAbsolutePath().toString());
            }
            if (recordDir != null) {
                p.put("record", recordDir.resolve(callId + ".wav").toAbsolutePath().toString());
            }
        }
        try {
            ApiResponse r = daemon.command(command, p);
            r.error().ifPresent(e -> cli.err.println("cusax: could not " + mode + " call " + callId + ": " + e.message()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
