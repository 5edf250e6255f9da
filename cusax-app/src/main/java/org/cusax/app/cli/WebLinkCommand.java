package org.cusax.app.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.cusax.app.daemon.DaemonFiles;
import org.cusax.app.daemon.DaemonLock;
import org.cusax.app.daemon.DaemonToken;
import org.cusax.app.daemon.SignedOutDaemon;
import org.cusax.app.json.JsonWriter;
import org.cusax.app.web.WebSessions;
import org.cusax.core.config.ClientConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Asks the running daemon for a new one-time sign-in link to its web client (docs/web.md). */
@Command(name = "web-link", mixinStandardHelpOptions = true,
        description = "Print a new one-time sign-in link to the running daemon's web client (works once, for 2 minutes); "
                + "also for a daemon started signed out (serve --sign-in) with the same config file.")
final class WebLinkCommand implements Callable<Integer> {
    @ParentCommand
    CusaxCli cli;

    @Override
    public Integer call() throws Exception {
        Optional<DaemonLock.Holder> holder = Optional.empty();
        Optional<String> token = Optional.empty();
        if (java.nio.file.Files.exists(cli.configPath())) {
            Optional<ClientConfig> loaded = cli.daemonConfig();
            if (loaded.isEmpty()) {
                return ExitCodes.CONFIG;
            }
            DaemonFiles files = DaemonFiles.of(loaded.get().daemon(), loaded.get().link());
            holder = DaemonLock.running(files);
            token = DaemonToken.read(files.token());
        }
        if (holder.isEmpty() || token.isEmpty()) { // a daemon started signed out for this config (serve --sign-in)
            DaemonFiles files = SignedOutDaemon.files(cli.configPath(), SignedOutServe.stateDir(cli));
            holder = DaemonLock.running(files);
            token = DaemonToken.read(files.token());
        }
        if (holder.isEmpty() || token.isEmpty()) {
            cli.err.println("cusax: no daemon runs for this account: start one with 'cusax serve' (same config)");
            return ExitCodes.DAEMON;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + holder.get().port() + "/web/sign-in-link"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token.get())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = r.statusCode() == 200 ? new ObjectMapper().readTree(r.body()) : null;
        if (body == null || !body.path("ok").asBoolean()) {
            cli.err.println("cusax: the daemon gave no sign-in link (HTTP " + r.statusCode() + ")");
            return ExitCodes.INTERNAL;
        }
        String link = body.path("data").path("link").asText();
        if (cli.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "web-link");
            m.put("link", link);
            m.put("validForMs", WebSessions.CODE_LIFETIME.toMillis());
            new JsonWriter(cli.out).line(m);
        } else {
            cli.out.println(link);
            cli.out.flush();
        }
        return ExitCodes.OK;
    }
}
