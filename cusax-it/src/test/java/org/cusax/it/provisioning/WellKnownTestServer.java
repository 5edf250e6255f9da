package org.cusax.it.provisioning;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.cusax.testbed.pki.CertificateFiles;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The domain's own HTTPS origin ({@code https://DOMAIN/}, port 443 as discovery step 2 asks it) serving
 * {@code /.well-known/cusax-provisioning} (RFC 8615): one line naming the provisioning URL. It listens
 * on an address of its own, chosen at random in 127.0.0.0/8 for this run, so port 443 there is taken
 * from no one; the client's hosts file maps the domain to that address.
 */
final class WellKnownTestServer implements AutoCloseable {
    static final String PATH = "/.well-known/cusax-provisioning";
    private final HttpsServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private WellKnownTestServer(HttpsServer server) {
        this.server = server;
    }

    /** Serves {@code provisioningUrl} at {@code https://ADDRESS:443/.well-known/cusax-provisioning}. */
    static WellKnownTestServer start(CertificateFiles certificate, Path ca, Path dir, URI provisioningUrl)
            throws Exception {
        SecureRandom random = new SecureRandom();
        InetAddress address = InetAddress.getByAddress(new byte[] {127, (byte) (100 + random.nextInt(100)),
                (byte) (1 + random.nextInt(254)), (byte) (1 + random.nextInt(254))});
        HttpsServer https = HttpsServer.create(new InetSocketAddress(address, 443), 16);
        https.setHttpsConfigurator(new HttpsConfigurator(ProvisioningTestServer.serverTls(certificate, ca, dir)));
        WellKnownTestServer s = new WellKnownTestServer(https);
        https.createContext(PATH, exchange -> s.answer(exchange, provisioningUrl));
        https.start();
        return s;
    }

    /** The loopback address it listens on (port 443). */
    String address() {
        return server.getAddress().getAddress().getHostAddress();
    }

    /** How many GETs of the well-known URL it answered. */
    int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange, URI provisioningUrl) throws IOException {
        try (exchange) {
            boolean get = "GET".equals(exchange.getRequestMethod()) && PATH.equals(exchange.getRequestURI().getPath());
            byte[] body = (get ? provisioningUrl + "\n" : "not found\n").getBytes(StandardCharsets.UTF_8);
            if (get) {
                requests.incrementAndGet();
            }
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(get ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
