package org.cusax.app.daemon;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.cusax.app.api.ApiError;
import org.cusax.app.api.ApiResponse;
import org.cusax.app.api.CommandRegistry;
import org.cusax.app.api.ErrorCode;
import org.cusax.app.api.EventEncoder;
import org.cusax.core.client.CusaxCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.websocket.WsContext;

/**
 * The daemon's transports on the registry (Javalin 7 / Jetty 12, bound to 127.0.0.1 only):
 * {@code POST /api/v1/commands/{name}} with the parameters as a JSON object → the {@link ApiResponse};
 * {@code GET /api/v1/commands} → the commands; WebSocket {@code /api/v1/events} → one JSON event per
 * message. Every request and the WebSocket upgrade pass the {@link RequestGuard}.
 */
public final class DaemonServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonServer.class);
    /** Events a WebSocket subscriber may fall behind before it is dropped. */
    public static final int EVENT_QUEUE = 1024;

    private final ObjectMapper mapper = new ObjectMapper();
    private volatile CommandRegistry registry;
    private volatile CusaxCommands core; // null while signed out (no session, no events)
    private volatile EventEncoder encoder;
    private final RequestGuard guard;
    private final ExecutorService senders = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cusax-ws-sender");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, BoundedSubscriber> subscribers = new java.util.concurrent.ConcurrentHashMap<>();
    private final int queueSize;
    private volatile int port;
    private Javalin app;
    private org.cusax.app.web.WebClient web; // hook: the web client, when served


    public DaemonServer(CommandRegistry registry, CusaxCommands core, EventEncoder encoder, DaemonToken token,
                        int queueSize) {
        this.registry = registry;
        this.core = core;
        this.encoder = encoder;
        this.guard = new RequestGuard(token, () -> port);
        this.queueSize = queueSize;
    }

    /**
     * Serves another registry and session from now on, on the same port, token and page sessions: a daemon
     * started signed out gets its session this way once signed in ({@code core} null: signed out again).
     * Event subscribers of the previous session are closed.
     */
    public void serveSession(CommandRegistry registry, CusaxCommands core, EventEncoder encoder) {
        this.registry = registry;
        this.core = core;
        this.encoder = encoder;
        subscribers.values().forEach(BoundedSubscriber::close);
        subscribers.clear();
    }

    /** Serves the web client's page and accepts its session cookie too (call before {@link #start}). */
    public DaemonServer serveWebClient(org.cusax.app.web.WebClient webClient) {
        this.web = webClient;
        return this;
    }

    public java.util.Optional<org.cusax.app.web.WebClient> webClient() {
        return java.util.Optional.ofNullable(web);
    }

    private String authorization(Context ctx) {
        return web == null ? ctx.header("Authorization") : web.authorization(ctx);
    }

    /** Starts listening on 127.0.0.1:{@code requestedPort} (0 = a free port); returns the port. */
    public int start(int requestedPort) {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = requestedPort;
            cfg.routes.before(this::guardHttp);
            cfg.routes.wsBeforeUpgrade(this::guardUpgrade);
            cfg.routes.get("/api/v1/commands", this::list);
            cfg.routes.post("/api/v1/commands/{name}", this::command);
            cfg.routes.ws("/api/v1/events", ws -> {
                ws.onConnect(this::subscribe);
                ws.onClose(ctx -> unsubscribe(ctx));
                ws.onError(ctx -> unsubscribe(ctx));
            });
            if (web != null) {
                web.register(cfg.routes);
            }
        });
        app.start();
        port = app.port();
        return port;
    }

    public int port() {
        return port;
    }

    /** Live WebSocket subscribers (for tests and debugging). */
    public int subscribers() {
        return subscribers.size();
    }

    private void guardHttp(Context ctx) {
        if (ctx.path().startsWith("/api/v1/events")) {
            return; // the upgrade is guarded by guardUpgrade
        }
        if (web != null && web.isPublic(ctx.path())) {
            return; // the page's files: no secret in them; they check Host themselves
        }
        Optional<ApiError> refused = guard.check(authorization(ctx), ctx.header("Origin"), ctx.header("Host"));
        if (refused.isPresent()) {
            ApiError e = refused.get();
            ctx.status(e.code().httpStatus()).contentType("application/json")
                    .result(json(ApiResponse.failed(commandName(ctx), e).toJson()));
            ctx.skipRemainingHandlers();
        }
    }

    private static String commandName(Context ctx) {
        String p = ctx.path();
        return p.startsWith("/api/v1/commands/") ? p.substring("/api/v1/commands/".length()) : "";
    }

    private void guardUpgrade(Context ctx) {
        Optional<ApiError> refused = guard.check(authorization(ctx), ctx.header("Origin"), ctx.header("Host"));
        if (refused.isPresent()) {
            throw new HttpResponseException(refused.get().code().httpStatus(), refused.get().message(), Map.of());
        }
    }

    private void list(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        registry.entries().values().forEach(e -> m.put(e.name(), e.summary()));
        ctx.contentType("application/json").result(json(ApiResponse.ok("commands", m).toJson()));
    }

    private void command(Context ctx) throws InterruptedException {
        String name = ctx.pathParam("name");
        Map<String, Object> params;
        try {
            String body = ctx.body();
            params = body.isBlank() ? Map.of() : mapper.readValue(body, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException | RuntimeException e) {
            ApiError bad = new ApiError(ErrorCode.BAD_REQUEST, "the body must be a JSON object of parameters", Map.of());
            ctx.status(400).contentType("application/json").result(json(ApiResponse.failed(name, bad).toJson()));
            return;
        }
        ApiResponse r = registry.execute(name, params == null ? Map.of() : params);
        ctx.status(r.error().map(e -> e.code().httpStatus()).orElse(200)).contentType("application/json")
                .result(json(r.toJson()));
    }

    /** How often the event stream pings a subscriber (well under Jetty's 30 s idle timeout). */
    static final long EVENT_PING_SECONDS = 10;

    private void subscribe(WsContext ctx) {
        CusaxCommands core = this.core;
        EventEncoder encoder = this.encoder;
        if (core == null) {
            ctx.closeSession(1008, "signed out: no session yet");
            return;
        }
        BoundedSubscriber s = new BoundedSubscriber("ws-" + ctx.sessionId(), queueSize,
                e -> json(encoder.encode(e)), ctx::send, reason -> {
                    subscribers.remove(ctx.sessionId());
                    try {
                        ctx.closeSession(1008, reason);
                    } catch (RuntimeException ex) {
                        LOG.debug("close of a dropped subscriber failed", ex);
                    }
                }, senders);
        subscribers.put(ctx.sessionId(), s);
        // a quiet session is still alive: Jetty closes a WebSocket idle for 30 s, and `cusax listen` or the
        // page may see no event for minutes; pings keep it open and find dead peers
        ctx.enableAutomaticPings(EVENT_PING_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        s.attach(core.subscribe(s));
        // The client sees the upgrade complete before this runs (on Jetty's thread): a snapshot it took then
        // could miss an event published in between (a call ending: the page kept showing it). It takes its
        // snapshots once this marker arrives, which comes after every event it could have missed.
        java.util.Map<String, Object> marker = new java.util.LinkedHashMap<>();
        marker.put("type", EVENTS_ATTACHED);
        marker.put("at", java.time.Instant.now().toString());
        s.announce(json(marker));
    }

    /** The first message of every event stream, sent once the subscriber is attached (api.md). */
    public static final String EVENTS_ATTACHED = "events-attached";

    private void unsubscribe(WsContext ctx) {
        BoundedSubscriber s = subscribers.remove(ctx.sessionId());
        if (s != null) {
            s.close();
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        subscribers.values().forEach(BoundedSubscriber::close);
        subscribers.clear();
        if (app != null) {
            app.stop();
        }
        senders.shutdownNow();
    }
}
