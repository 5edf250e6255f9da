package org.cusax.sandbox.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.cusax.sandbox.sip.SandboxSip;
import org.cusax.sandbox.xmpp.SandboxXmppServer;

/**
 * Writes a ready cusax client configuration for a demo user (keys of {@code cusax.conf.reference}):
 * both halves on the sandbox, SIP over TLS, the sandbox CA as the only trust anchor, history and the
 * contact cache inside the sandbox directory. The password goes to a separate owner-only file.
 */
final class ClientConfigFile {
    private ClientConfigFile() {
    }

    static Path write(Path dir, String user, String password, SandboxXmppServer xmpp, SandboxSip sip, Path caFile)
            throws IOException {
        Path passwordFile = dir.resolve(user + ".password");
        Path config = dir.resolve(user + ".conf");
        String text = "# cusax client configuration for " + user + "@" + xmpp.domain()
                + ", written by the cusax sandbox (valid while it runs)\n"
                + "tls.trust-store = " + caFile + "\n"
                + "history.dir = " + dir.resolve("history") + "\n"
                + "contacts.cache-dir = " + dir.resolve("contacts-cache").resolve(user) + "\n"
                + "contacts.default-region = " + DemoDirectory.REGION + "\n"
                + "xmpp.jid = " + user + "@" + xmpp.domain() + "\n"
                + "xmpp.password-file = " + passwordFile + "\n"
                + "xmpp.host = " + xmpp.host() + "\n"
                + "xmpp.port = " + xmpp.port() + "\n"
                + "sip.aor = sip:" + user + "@" + sip.domain() + "\n"
                + "sip.password-file = " + passwordFile + "\n"
                + "sip.proxy.host = " + sip.host() + "\n"
                + "sip.proxy.port = " + sip.tlsPort() + "\n"
                + "sip.transport = tls\n"
                + "sip.local.address = " + sip.host() + "\n";
        Files.deleteIfExists(passwordFile);
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        Files.writeString(config, text, StandardCharsets.UTF_8);
        return config;
    }
}
