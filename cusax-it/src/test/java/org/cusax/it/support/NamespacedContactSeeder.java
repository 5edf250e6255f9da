package org.cusax.it.support;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.process.Command;
import org.cusax.testbed.process.ProcessHost;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * {@link ContactSeeder} for a Prosody inside an isolated network namespace, which this test JVM
 * cannot reach: {@link #seed} runs {@link #main} in a child JVM inside the namespace, where each
 * contact's own client stores its vcard-temp (XEP-0054) and the owner and the contact subscribe to
 * each other, the owner naming the contact in its roster. Passwords travel on the child's stdin,
 * never on its command line.
 */
public final class NamespacedContactSeeder {
    private static final Duration LIMIT = Duration.ofSeconds(120);

    /**
     * One contact for the owner's roster.
     *
     * @param user         the contact's XMPP account
     * @param rosterName   the name the owner gives it
     * @param vcardTempXml children of its {@code vCard} (one line, e.g. {@code <FN>…</FN><TEL>…</TEL>})
     */
    public record Seed(TestUser user, String rosterName, String vcardTempXml) {
        public Seed {
            for (String f : List.of(user.name(), user.password(), rosterName, vcardTempXml)) {
                if (f.contains("\t") || f.contains("\n") || f.contains("\r")) {
                    throw new IllegalArgumentException("no tabs or line breaks in a seed: " + user);
                }
            }
        }
    }

    private NamespacedContactSeeder() {
    }

    /** Seeds {@code contacts} into {@code owner}'s roster on {@code tb}'s Prosody, from inside {@code host}. */
    public static void seed(ProcessHost host, Testbed tb, TestUser owner, List<Seed> contacts) {
        List<String> cmd = new ArrayList<>(CliProcess.childJvm(NamespacedContactSeeder.class.getName()));
        cmd.addAll(List.of(tb.domain(), tb.prosody().host(), String.valueOf(tb.prosody().c2sPort()),
                tb.caCertificate().toString()));
        StringBuilder in = new StringBuilder(owner.name() + "\t" + owner.password() + "\n");
        for (Seed c : contacts) {
            in.append(String.join("\t", c.user().name(), c.user().password(), c.rosterName(), c.vcardTempXml()))
                    .append('\n');
        }
        Command.Result r = Command.of(host.command(cmd)).stdin(in.toString()).timeout(LIMIT).run();
        if (!r.ok()) {
            throw new AssertionError("seeding " + owner.jid() + "'s contacts failed (exit " + r.exitCode() + "):\n"
                    + Command.tail(r.output(), 40));
        }
    }

    /**
     * {@code DOMAIN HOST PORT CA.pem}; stdin: the owner's {@code name TAB password}, then one line per
     * contact: {@code name TAB password TAB roster-name TAB vcard-xml}. Exit 0 when all are seeded.
     */
    public static void main(String[] args) {
        int code = 1;
        try {
            String domain = args[0];
            String host = args[1];
            int port = Integer.parseInt(args[2]);
            KeyStore trust = trustStore(Path.of(args[3]));
            List<String[]> lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
            Roster.setDefaultSubscriptionMode(Roster.SubscriptionMode.accept_all);
            TestUser owner = new TestUser(lines.get(0)[0], domain, lines.get(0)[1]);
            XMPPTCPConnection o = XmppPeer.connect(domain, host, port, trust, owner, "seed");
            try {
                for (String[] f : lines.subList(1, lines.size())) {
                    TestUser contact = new TestUser(f[0], domain, f[1]);
                    XMPPTCPConnection c = XmppPeer.connect(domain, host, port, trust, contact, "seed");
                    try {
                        ContactSeeder.befriend(o, owner, c, contact, f[2]);
                        ContactSeeder.vcardTemp(c, f[3]);
                    } finally {
                        c.disconnect();
                    }
                    System.out.println("seeded " + contact.jid() + " as \"" + f[2] + "\" for " + owner.jid());
                }
            } finally {
                o.disconnect();
            }
            code = 0;
        } catch (Exception | AssertionError e) {
            e.printStackTrace(System.out);
        }
        System.out.flush();
        System.exit(code); // Smack's threads would keep the JVM alive
    }

    private static KeyStore trustStore(Path caPem) throws Exception {
        try (InputStream in = Files.newInputStream(caPem)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            return ks;
        }
    }
}
