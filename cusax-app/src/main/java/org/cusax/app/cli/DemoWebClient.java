package org.cusax.app.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.cusax.app.daemon.Daemon;
import org.cusax.app.daemon.DaemonLock;
import org.cusax.app.json.JsonWriter;
import org.cusax.app.web.WebSessions;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's web client: the daemon's API and page served on the demo's own session, with the one-time
 * sign-in link printed ({@code {"type":"web-client",…}} under {@code --json}) and, where a desktop exists
 * ({@code DISPLAY} or {@code WAYLAND_DISPLAY} set, {@code xdg-open} on the PATH), opened in the browser.
 */
final class DemoWebClient {
    private static final Logger LOG = LoggerFactory.getLogger(DemoWebClient.class);

    private DemoWebClient() {
    }

    /** Serves the page on {@code client}; empty (and said why) when it cannot be served. */
    static Optional<Daemon> serve(CusaxCli cli, ClientConfig config, CusaxClient client, Map<String, String> env) {
        Daemon daemon;
        try {
            daemon = Daemon.serving(config, client, new SecureRandom());
        } catch (IOException | DaemonLock.HeldElsewhere | RuntimeException e) {
            cli.err.println("cusax demo: the web client is not served: " + e.getMessage());
            return Optional.empty();
        }
        String link = daemon.server().webClient().orElseThrow().signInLink();
        String page = daemon.server().webClient().orElseThrow().pageUrl();
        boolean opened = !cli.json && desktop(env) && open(link, env);
        if (cli.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "web-client");
            m.put("page", page);
            m.put("signInLink", link);
            m.put("url", "http://127.0.0.1:" + daemon.port());
            m.put("tokenFile", daemon.files().token().toString());
            new JsonWriter(cli.out).line(m);
        } else {
            cli.out.println("Web client: " + (opened ? "opened in your browser; if it did not appear, open " : "open ")
                    + link + " (works once, for " + WebSessions.CODE_LIFETIME.toMinutes() + " minutes; the page "
                    + "and this session are the same account)");
            cli.out.flush();
        }
        return Optional.of(daemon);
    }

    static boolean desktop(Map<String, String> env) {
        return (notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"))) && xdgOpen(env).isPresent();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static Optional<Path> xdgOpen(Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, "xdg-open");
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts xdg-open for the link (its output discarded); the link stays printed either way. */
    private static boolean open(String link, Map<String, String> env) {
        try {
            new ProcessBuilder(xdgOpen(env).orElseThrow().toString(), link)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.info("could not open the browser: {}", e.getMessage());
            return false;
        }
    }
}
