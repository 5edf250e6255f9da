package org.cusax.app.remote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.cusax.app.api.ApiError;
import org.cusax.app.api.ApiResponse;
import org.cusax.app.api.ErrorCode;
import org.cusax.app.daemon.DaemonFiles;
import org.cusax.app.daemon.DaemonLock;
import org.cusax.app.daemon.DaemonToken;
import org.cusax.core.config.ClientConfig;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A running daemon as its client sees it: commands over HTTP, events over a WebSocket. */
public final class DaemonConnection {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int port;
    private final long pid;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DaemonConnection(int port, long pid, String token) {
        this.port = port;
        this.pid = pid;
        this.token = token;
    }

    /** The daemon serving {@code config}'s account, if one runs (a stale lock file is ignored). */
    public static Optional<DaemonConnection> find(ClientConfig config) {
        DaemonFiles files = DaemonFiles.of(config.daemon(), config.link());
        return DaemonLock.running(files).flatMap(h -> DaemonToken.read(files.token())
                .map(t -> new DaemonConnection(h.port(), h.pid(), t)));
    }

    public int port() {
        return port;
    }

    public long pid() {
        return pid;
    }

    /** Runs one command on the daemon; a transport failure comes back as an {@code internal} error. */
    public ApiResponse command(String name, Map<String, Object> params) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/commands/" + name))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(params))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return ApiResponse.fromJson(MAPPER.readValue(response.body(), new TypeReference<Map<String, Object>>() { }));
        } catch (IOException e) {
            return ApiResponse.failed(name, new ApiError(ErrorCode.INTERNAL, "the daemon (pid " + pid + ", port " + port
                    + ") did not answer: " + e.getMessage(), Map.of()));
        }
    }

    /**
     * Receives the daemon's events, one JSON object each, until the returned handle is closed or the daemon
     * ends the stream ({@code onClosed} gets the reason). Returns once the daemon said the stream is attached
     * ({@code events-attached}, not passed on): a command sent after that cannot miss an event.
     */
    public AutoCloseable events(Consumer<Map<String, Object>> onEvent, Consumer<String> onClosed)
            throws IOException, InterruptedException {
        CompletableFuture<Void> attached = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    try {
                        Map<String, Object> event = MAPPER.readValue(text, new TypeReference<Map<String, Object>>() { });
                        if (org.cusax.app.daemon.DaemonServer.EVENTS_ATTACHED.equals(event.get("type"))) {
                            attached.complete(null);
                        } else {
                            onEvent.accept(event);
                        }
                    } catch (IOException e) {
                        onClosed.accept("unreadable event: " + e.getMessage());
                    }
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                onClosed.accept(reason == null || reason.isEmpty() ? "the daemon closed the event stream (" + status + ")"
                        : reason);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                onClosed.accept("event stream failed: " + error.getMessage());
            }
        };
        CompletableFuture<WebSocket> f = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/events"), listener);
        WebSocket ws;
        try {
            ws = f.get(10, TimeUnit.SECONDS);
            attached.get(10, TimeUnit.SECONDS); // from now on no event is missed: snapshots taken after are safe
        } catch (ExecutionException | TimeoutException e) {
            f.thenAccept(WebSocket::abort);
            throw new IOException("could not attach to the daemon's events: " + e.getMessage(), e);
        }
        return () -> {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                ws.abort(); // the daemon has gone already
            }
        };
    }
}
