package org.cusax.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.IntSupplier;

import org.cusax.app.daemon.DaemonToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The web client on the daemon's port: the page and its ES modules (checked-in resources, no build step),
 * {@code GET /signin?code=…} which burns a one-time code and sets the session cookie (HttpOnly,
 * SameSite=Strict, Path=/), and {@code POST /web/sign-in-link} (API token only) for a fresh link.
 * The page itself holds no secret: the daemon accepts the cookie in place of the API token
 * ({@link #authorization}), and its Origin and Host checks still apply.
 */
public final class WebClient {
    private static final Logger LOG = LoggerFactory.getLogger(WebClient.class);
    private static final String RESOURCES = "/org/cusax/app/web/static/";
    /** The files the page is made of, and their types: nothing else is served. */
    static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("index.html", "text/html; charset=utf-8"),
            Map.entry("style.css", "text/css; charset=utf-8"),
            Map.entry("app.js", "text/javascript; charset=utf-8"),
            Map.entry("api.js", "text/javascript; charset=utf-8"),
            Map.entry("view.js", "text/javascript; charset=utf-8"),
            Map.entry("contacts.js", "text/javascript; charset=utf-8"),
            Map.entry("calls.js", "text/javascript; charset=utf-8"),
            Map.entry("calldevices.js", "text/javascript; charset=utf-8"),
            Map.entry("chat.js", "text/javascript; charset=utf-8"),
            Map.entry("roster.js", "text/javascript; charset=utf-8"),
            Map.entry("settings.js", "text/javascript; charset=utf-8"),
            Map.entry("alerts.js", "text/javascript; charset=utf-8"),
            Map.entry("devices.js", "text/javascript; charset=utf-8"),
            Map.entry("signin.js", "text/javascript; charset=utf-8"));

    private final WebSessions sessions;
    private final DaemonToken token;
    private final IntSupplier port;

    public WebClient(WebSessions sessions, DaemonToken token, IntSupplier port) {
        this.sessions = sessions;
        this.token = token;
        this.port = port;
    }

    /** Adds the page's routes. */
    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> file(ctx, "index.html"));
        routes.get("/web/{file}", ctx -> file(ctx, ctx.pathParam("file")));
        routes.get("/signin", this::signIn);
        routes.post("/web/sign-in-link", this::newLink);
    }

    /** Paths anyone on this machine may load (they hold no secret); everything else needs a credential. */
    public boolean isPublic(String path) {
        return path.equals("/") || path.equals("/signin") || (path.startsWith("/web/") && !path.equals("/web/sign-in-link"));
    }

    /**
     * The authorization a request carries: its {@code Authorization} header, or, for a page with a live
     * session cookie, the daemon's own (so that the guard's Origin and Host checks still decide).
     */
    public String authorization(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null) {
            return header;
        }
        return sessions.accepts(ctx.cookie(cookieName())) ? token.bearer() : null;
    }

    /** A new one-time sign-in link (valid {@link WebSessions#CODE_LIFETIME}, once). */
    public String signInLink() {
        return pageUrl() + "signin?code=" + sessions.newCode();
    }

    public String pageUrl() {
        return "http://127.0.0.1:" + port.getAsInt() + "/";
    }

    /** The cookie's name: per port, as browsers share cookies between the ports of one host. */
    public String cookieName() {
        return "cusax_session_" + port.getAsInt();
    }

    private boolean hostOk(Context ctx) {
        String host = ctx.header("Host");
        int p = port.getAsInt();
        if (host == null || host.equals("127.0.0.1:" + p) || host.equals("localhost:" + p)) {
            return true;
        }
        ctx.status(403).contentType("text/plain; charset=utf-8").result("wrong Host: the daemon answers as 127.0.0.1:" + p);
        return false;
    }

    private void file(Context ctx, String name) throws IOException {
        if (!hostOk(ctx)) {
            return;
        }
        String type = FILES.get(name);
        InputStream in = type == null ? null : WebClient.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("not found");
            return;
        }
        try (in) {
            secureHeaders(ctx);
            ctx.contentType(type).result(in.readAllBytes());
        }
    }

    private void secureHeaders(Context ctx) {
        int p = port.getAsInt();
        ctx.header("Content-Security-Policy", "default-src 'self'; connect-src 'self' ws://127.0.0.1:" + p
                + " ws://localhost:" + p + "; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    private void signIn(Context ctx) {
        if (!hostOk(ctx)) {
            return;
        }
        secureHeaders(ctx);
        var session = sessions.redeem(ctx.queryParam("code"));
        if (session.isEmpty()) {
            LOG.info("web sign-in refused: the link was used already, has expired or is not this daemon's");
            ctx.status(403).contentType("text/html; charset=utf-8").result("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">"
                    + "<title>cusax: sign-in link not valid</title><main><h1>This sign-in link is not valid</h1>"
                    + "<p>A sign-in link works once and for " + WebSessions.CODE_LIFETIME.toMinutes()
                    + " minutes. Get a new one with <code>cusax web-link -c CONFIG</code> (same config as <code>cusax serve</code>).</p></main></html>");
            return;
        }
        ctx.header("Set-Cookie", cookieName() + "=" + session.get() + "; Path=/; HttpOnly; SameSite=Strict");
        LOG.info("web client signed in");
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void newLink(Context ctx) {
        if (ctx.header("Authorization") == null) { // a signed-in page may not mint links for others
            ctx.status(403).contentType("application/json")
                    .result("{\"ok\":false,\"error\":{\"code\":\"forbidden\",\"message\":\"send the API token\"}}");
            return;
        }
        ctx.contentType("application/json").result("{\"ok\":true,\"data\":{\"link\":\"" + signInLink() + "\"}}");
    }
}
