package org.cusax.provisioning.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.cusax.provisioning.directory.Directory;
import org.cusax.provisioning.directory.DirectoryDatabase;
import org.cusax.provisioning.directory.StoredCredentials;
import org.cusax.provisioning.server.AuditLog;
import org.cusax.provisioning.server.CredentialCheck;
import org.cusax.provisioning.server.JitsiDocument;
import org.cusax.provisioning.server.LoginThrottle;
import org.cusax.provisioning.server.ProvisioningDocument;
import org.cusax.provisioning.server.ProvisioningEndpoint;
import org.cusax.provisioning.server.ProvisioningServer;
import org.cusax.provisioning.server.ServerTls;
import org.cusax.provisioning.server.ServiceProfile;
import org.cusax.provisioning.server.ThrottlePolicy;

/** One provisioning server instance on a directory database, with an HTTPS client that trusts it. */
public final class ProvisioningFixture implements AutoCloseable {
    public static final ServiceProfile SERVICE = new ServiceProfile("xmpp.example.test", 5222, "sip.example.test",
            5061, "tls", true, false, "FR");
    public final DirectoryDatabase database;
    public final Directory directory;
    public final ProvisioningServer server;
    public final List<String> audit = new CopyOnWriteArrayList<>();
    private final HttpClient http;

    public ProvisioningFixture(String jdbcUrl, String dbUser, MutableClock clock, ServerTls tls, TestCertificate cert)
            throws Exception {
        database = DirectoryDatabase.open(jdbcUrl, dbUser, "");
        SecureRandom random = new SecureRandom();
        directory = new Directory(database.dataSource(), StoredCredentials.WorkFactors.DEFAULT, random);
        ProvisioningEndpoint endpoint = new ProvisioningEndpoint(
                new CredentialCheck(directory, "example.test", StoredCredentials.WorkFactors.DEFAULT, random),
                new LoginThrottle(database.dataSource(), ThrottlePolicy.DEFAULT, clock),
                new ProvisioningDocument(SERVICE), new JitsiDocument(SERVICE), new AuditLog(clock, audit::add));
        server = ProvisioningServer.start("127.0.0.1", 0, tls, endpoint, null);
        http = HttpClient.newBuilder().sslContext(cert.clientContext()).build();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("https://localhost:" + server.port() + pathAndQuery);
    }

    /** A form POST to {@code path}. */
    public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            database.close();
        }
    }
}
