package org.cusax.app.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import org.cusax.app.cli.ExitCodes;
import org.cusax.provisioning.directory.Directory;
import org.cusax.provisioning.directory.DirectoryDatabase;
import org.cusax.provisioning.directory.StoredCredentials;
import org.cusax.provisioning.directory.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code cusax admin serve} as the composition root wires it: a user added to the directory gets its
 * provisioning document over HTTPS (RFC 7081 §2) from the server the command started; stopping it frees
 * the port.
 */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void servesTheDirectoryOverHttpsUntilStopped() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost").redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0).isTrue();
        String db = DirectoryDatabase.defaultUrl(dir);
        try (DirectoryDatabase d = DirectoryDatabase.open(db, "", "")) {
            new Directory(d.dataSource(), StoredCredentials.WorkFactors.DEFAULT, new SecureRandom())
                    .add(new UserId("bob", "example.test"), "Bob", "", List.of(), "bob-pw".toCharArray());
        }

        PipedInputStream pipe = new PipedInputStream();
        PrintWriter out = new PrintWriter(new PipedOutputStream(pipe), true, StandardCharsets.UTF_8);
        CommandLine cl = new CommandLine(new AdminCommand()).setOut(out).setErr(out);
        ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("serve", "--db", db,
                "--domain", "example.test", "--port", "0", "--tls-cert", cert.toString(), "--tls-key", key.toString(),
                "--sip-transport", "tls", "--all-or-nothing"));
        BufferedReader lines = new BufferedReader(new InputStreamReader(pipe, StandardCharsets.UTF_8));
        String first = lines.readLine();
        Matcher port = Pattern.compile("https://127\\.0\\.0\\.1:(\\d+)/cusax/v1/provisioning").matcher(first);
        assertThat(port.find()).as(first).isTrue();

        SSLContext trust = org.cusax.app.cli.admin.TrustPem.context(cert);
        HttpResponse<String> r = HttpClient.newBuilder().sslContext(trust).build().send(HttpRequest
                .newBuilder(URI.create("https://localhost:" + port.group(1) + "/cusax/v1/provisioning"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=bob&password=bob-pw")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("xmpp.jid = bob@example.test").contains("service.policy.all-or-nothing = true");

        serve.stop.countDown();
        assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        try (java.net.ServerSocket again = new java.net.ServerSocket(Integer.parseInt(port.group(1)), 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(Integer.parseInt(port.group(1)));
        }
        assertThat(Files.exists(dir.resolve("directory.mv.db"))).isTrue();
    }
}
