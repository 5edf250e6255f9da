package org.cusax.app.cli.admin;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.cusax.app.cli.ExitCodes;
import org.cusax.provisioning.directory.Directory;
import org.cusax.provisioning.directory.DirectoryDatabase;
import org.cusax.provisioning.directory.DirectoryException;
import org.cusax.provisioning.directory.StoredCredentials;
import org.cusax.provisioning.server.AuditLog;
import org.cusax.provisioning.server.CredentialCheck;
import org.cusax.provisioning.server.JitsiDocument;
import org.cusax.provisioning.server.LoginThrottle;
import org.cusax.provisioning.server.ProvisioningDocument;
import org.cusax.provisioning.server.ProvisioningEndpoint;
import org.cusax.provisioning.server.ProvisioningKeys;
import org.cusax.provisioning.server.ProvisioningServer;
import org.cusax.provisioning.server.ServerTls;
import org.cusax.provisioning.server.ServiceProfile;
import org.cusax.provisioning.server.ThrottlePolicy;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cusax admin serve}: the HTTPS provisioning server on the directory, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the HTTPS provisioning server (RFC 7081 §2) on the directory until Ctrl-C: "
                + "POST " + ProvisioningKeys.PATH + " (cusax) and " + ProvisioningKeys.JITSI_PATH + " (Jitsi Desktop).",
            "HTTPS only: there is no plain-HTTP listener. Several instances may share one directory database: "
                + "throttling and lockout are counted there."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DirectoryOptions db;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 = every interface).")
    String bind;

    @Option(names = "--port", defaultValue = "8443", description = "HTTPS port (default: ${DEFAULT-VALUE}; 0 = a free one).")
    int port;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Tls tls;

    static final class Tls {
        @ArgGroup(exclusive = false)
        Pem pem;
        @ArgGroup(exclusive = false)
        Pkcs12 pkcs12;
    }

    static final class Pem {
        @Option(names = "--tls-cert", required = true, paramLabel = "PEM", description = "Certificate chain (PEM).")
        Path cert;
        @Option(names = "--tls-key", required = true, paramLabel = "PEM", description = "Private key (PEM PKCS#8).")
        Path key;
    }

    static final class Pkcs12 {
        @Option(names = "--tls-keystore", required = true, paramLabel = "P12", description = "PKCS#12 keystore.")
        Path keystore;
        @Option(names = "--tls-keystore-password-file", required = true, paramLabel = "FILE",
                description = "File holding the keystore's password.")
        Path passwordFile;
    }

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Base URL clients use (https://provisioning.example.com), for provisioning.url; default: "
                    + "the URL each request came to.")
    String publicUrl;

    @Option(names = "--xmpp-host", defaultValue = "", description = "XMPP server host (empty: the user's domain).")
    String xmppHost;
    @Option(names = "--xmpp-port", defaultValue = "5222", description = "XMPP client port (default: ${DEFAULT-VALUE}).")
    int xmppPort;
    @Option(names = "--sip-host", defaultValue = "", description = "SIP proxy/registrar host (empty: the AOR's domain).")
    String sipHost;
    @Option(names = "--sip-port", defaultValue = "0", description = "SIP port (0: the transport's default).")
    int sipPort;
    @Option(names = "--sip-transport", defaultValue = "tls", description = "udp, tcp or tls (default: ${DEFAULT-VALUE}).")
    String sipTransport;
    @Option(names = "--chat-after-telephony", description = "Policy: clients connect Chat only once Telephony is registered.")
    boolean chatAfterTelephony;
    @Option(names = "--all-or-nothing", description = "Policy: clients stay disconnected unless both halves connect.")
    boolean allOrNothing;
    @Option(names = "--default-region", defaultValue = "", description = "contacts.default-region sent to clients (e.g. FR).")
    String defaultRegion;

    /** Counted down by Ctrl-C / SIGTERM (a shutdown hook), or by a test. */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ServiceProfile service;
        ServerTls serverTls;
        try {
            service = new ServiceProfile(xmppHost, xmppPort, sipHost, sipPort, sipTransport, chatAfterTelephony,
                    allOrNothing, defaultRegion);
            serverTls = tls.pem != null ? ServerTls.pem(tls.pem.cert, tls.pem.key)
                    : ServerTls.pkcs12(tls.pkcs12.keystore, Files.readAllLines(tls.pkcs12.passwordFile,
                            StandardCharsets.UTF_8).stream().findFirst().orElse("").toCharArray());
        } catch (IllegalArgumentException | java.io.IOException e) {
            err.println("cusax admin serve: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        DirectoryDatabase database;
        try {
            database = db.open();
        } catch (DirectoryException e) {
            err.println("cusax admin serve: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        Directory directory = new Directory(database.dataSource(), StoredCredentials.WorkFactors.DEFAULT, random);
        ProvisioningEndpoint endpoint = new ProvisioningEndpoint(
                new CredentialCheck(directory, db.domain, StoredCredentials.WorkFactors.DEFAULT, random),
                new LoginThrottle(database.dataSource(), ThrottlePolicy.DEFAULT, clock),
                new ProvisioningDocument(service), new JitsiDocument(service), AuditLog.toLogger(clock));
        Thread hook = new Thread(stop::countDown, "cusax-provisioning-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        ProvisioningServer started;
        try {
            started = ProvisioningServer.start(bind, port, serverTls, endpoint, publicUrl);
        } catch (RuntimeException e) {
            database.close();
            Runtime.getRuntime().removeShutdownHook(hook);
            err.println("cusax admin serve: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (database; ProvisioningServer server = started) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("provisioning server on https://" + bind + ":" + server.port() + ProvisioningKeys.PATH
                    + " (Jitsi: " + ProvisioningKeys.JITSI_PATH + "), directory " + db.url().replaceAll("password=[^&;]*",
                            "password=***"));
            out.println("Running; press Ctrl-C to stop.");
            out.flush();
            stop.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what stopped us
            }
        }
        return ExitCodes.OK;
    }
}
