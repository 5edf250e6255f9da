package org.cusax.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.cusax.testbed.sip.SipTransport;

/**
 * Writes a cusax client configuration (keys of {@code docs/cusax.conf.reference}) for a user of a
 * run, pointing at the run's servers and trusting the run's CA. The password goes to a separate
 * file readable by the owner only; both halves use it.
 */
final class ClientConfigWriter {

    private final Testbed testbed;

    ClientConfigWriter(Testbed testbed) {
        this.testbed = testbed;
    }

    Path write(TestUser user, SipTransport transport) {
        Path dir = testbed.runDir();
        Path passwordFile = dir.resolve(user.name() + ".password");
        Path config = dir.resolve(user.name() + ".conf");
        StringBuilder b = new StringBuilder();
        b.append("# cusax client configuration for ").append(user.jid())
                .append(", written by cusax-testbed for run ").append(dir.getFileName()).append('\n');
        b.append("tls.trust-store = ").append(testbed.caCertificate()).append('\n');
        // call and chat history stays inside the run directory (one sub-directory per account)
        b.append("history.dir = ").append(dir.resolve("history")).append('\n');
        if (testbed.hasProsody()) {
            b.append("xmpp.jid = ").append(user.jid()).append('\n');
            b.append("xmpp.password-file = ").append(passwordFile).append('\n');
            b.append("xmpp.host = ").append(testbed.prosody().host()).append('\n');
            b.append("xmpp.port = ").append(testbed.prosody().c2sPort()).append('\n');
        }
        if (testbed.hasKamailio()) {
            b.append("sip.aor = ").append(user.sipAor()).append('\n');
            b.append("sip.password-file = ").append(passwordFile).append('\n');
            b.append("sip.proxy.host = ").append(testbed.kamailio().host()).append('\n');
            b.append("sip.proxy.port = ").append(testbed.kamailio().port(transport)).append('\n');
            b.append("sip.transport = ").append(transport.token()).append('\n');
            b.append("sip.local.address = 127.0.0.1\n");
            if (testbed.hasProsody() && transport != SipTransport.TLS) {
                // SIP in the clear next to XMPP over TLS: run both halves, with the standing warning
                // (security.profile = matched would keep Telephony offline; SecurityProfileIT tests that).
                b.append("security.profile = warn\n");
            }
        }
        try {
            Files.deleteIfExists(passwordFile);
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, user.password() + "\n", StandardCharsets.UTF_8);
            Files.writeString(config, b.toString(), StandardCharsets.UTF_8);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write client configuration " + config + ": " + e.getMessage(), e);
        }
    }
}
