package org.cusax.it.support.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.cusax.testbed.TestUser;
import org.cusax.testbed.sip.SipTransport;

/**
 * Writes a cusax client configuration (keys of {@code cusax.conf.reference}) for a user of a
 * profile's run, the same keys cusax-testbed writes for the real servers; the password goes to a file
 * readable by the owner only, used by both halves.
 */
final class ClientConfigFile {
    private ClientConfigFile() {
    }

    /**
     * @param trustStore PEM file of every CA the client must trust (both halves)
     * @param sipPort    the proxy's port for {@code transport}
     */
    static Path write(Path runDir, TestUser user, Path trustStore, String xmppHost, int xmppPort, String sipHost,
                      int sipPort, SipTransport transport) {
        Path passwordFile = runDir.resolve(user.name() + ".password");
        Path config = runDir.resolve(user.name() + ".conf");
        String text = "# cusax client configuration for " + user.jid() + ", written for run " + runDir.getFileName()
                + "\n"
                + "tls.trust-store = " + trustStore + "\n"
                + "history.dir = " + runDir.resolve("history") + "\n"
                + "xmpp.jid = " + user.jid() + "\n"
                + "xmpp.password-file = " + passwordFile + "\n"
                + "xmpp.host = " + xmppHost + "\n"
                + "xmpp.port = " + xmppPort + "\n"
                + "sip.aor = " + user.sipAor() + "\n"
                + "sip.password-file = " + passwordFile + "\n"
                + "sip.proxy.host = " + sipHost + "\n"
                + "sip.proxy.port = " + sipPort + "\n"
                + "sip.transport = " + transport.token() + "\n"
                + "sip.local.address = 127.0.0.1\n"
                // SIP in the clear next to XMPP over TLS: both halves run, with the standing warning
                // (the default, matched, would keep Telephony offline; SecurityProfileIT tests that).
                + (transport == SipTransport.TLS ? "" : "security.profile = warn\n");
        try {
            Files.deleteIfExists(passwordFile);
            Files.createFile(passwordFile,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, user.password() + "\n", StandardCharsets.UTF_8);
            Files.writeString(config, text, StandardCharsets.UTF_8);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write client configuration " + config + ": " + e.getMessage(), e);
        }
    }
}
