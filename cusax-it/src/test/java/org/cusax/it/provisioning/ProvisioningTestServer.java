package org.cusax.it.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.cusax.testbed.pki.CertificateFiles;
import org.cusax.testbed.process.Command;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * Plays the provisioning server of wire contract v1 (docs/provisioning.md) for the client's edge cases
 * (documents and versions chosen per test, 429 on demand, a wrong-host certificate); the real server is
 * exercised end to end by {@link ProvisionedServiceIT}. The JDK's HTTPS server on 127.0.0.1 with a certificate from the run's CA, one user and
 * password, a document per user and version; 401, 429 and 304 as the contract says. Records every
 * request (user, version sent, whether a password came), never the password itself.
 */
final class ProvisioningTestServer implements AutoCloseable {
    static final String PATH = "/cusax/v1/provisioning";

    /** One request as received. */
    record Request(String username, String version, boolean passwordInBody, String query) {
    }

    private final HttpsServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> passwords = new HashMap<>();
    private volatile Function<String, String> document = user -> "";
    private volatile String version = "1";
    private volatile boolean throttled;

    private ProvisioningTestServer(HttpsServer server) {
        this.server = server;
    }

    static ProvisioningTestServer start(CertificateFiles certificate, Path ca, Path dir) throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls(certificate, ca, dir)));
        ProvisioningTestServer s = new ProvisioningTestServer(https);
        https.createContext(PATH, s::handle);
        https.start();
        return s;
    }

    /** A server-side TLS context presenting {@code certificate} with its chain up to {@code ca}. */
    static SSLContext serverTls(CertificateFiles certificate, Path ca, Path dir) throws Exception {
        Path p12 = dir.resolve(certificate.certificate().getFileName() + ".p12");
        Command.of("openssl", "pkcs12", "-export", "-in", certificate.certificate().toString(), "-inkey",
                certificate.privateKey().toString(), "-certfile", ca.toString(), "-out", p12.toString(),
                "-passout", "pass:changeit", "-name", "server").directory(dir).runOk();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        return tls;
    }

    int port() {
        return server.getAddress().getPort();
    }

    ProvisioningTestServer user(String name, String password) {
        passwords.put(name, password);
        return this;
    }

    /** The document served (for a user id), and its version. */
    ProvisioningTestServer serve(String newVersion, Function<String, String> body) {
        this.version = newVersion;
        this.document = body;
        return this;
    }

    ProvisioningTestServer throttled(boolean on) {
        this.throttled = on;
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = new HashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            String user = form.getOrDefault("username", "");
            String name = user.contains("@") ? user.substring(0, user.indexOf('@')) : user;
            requests.add(new Request(user, form.get("version"), form.containsKey("password"),
                    exchange.getRequestURI().getRawQuery()));
            if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestHeaders().getFirst("Content-Type")
                    .startsWith("application/x-www-form-urlencoded")) {
                reply(exchange, 400, "expected a form POST");
            } else if (throttled) {
                exchange.getResponseHeaders().add("Retry-After", "30");
                reply(exchange, 429, "too many attempts, locked for 30 seconds");
            } else if (!form.getOrDefault("password", "").equals(passwords.get(name))) {
                reply(exchange, 401, "wrong user id or password");
            } else if (version.equals(form.get("version"))) {
                exchange.getResponseHeaders().add("Cusax-Provisioning-Version", version);
                exchange.sendResponseHeaders(304, -1);
            } else {
                exchange.getResponseHeaders().add("Cusax-Provisioning-Version", version);
                reply(exchange, 200, document.apply(name));
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
