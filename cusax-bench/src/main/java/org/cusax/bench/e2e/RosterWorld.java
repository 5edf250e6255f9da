package org.cusax.bench.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cusax.core.account.Account;
import org.cusax.core.account.Features;
import org.cusax.core.account.Protocol;
import org.cusax.core.account.Secret;
import org.cusax.core.account.SecuritySettings;
import org.cusax.core.account.ServerEndpoint;
import org.cusax.core.account.Transport;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.prosody.ProsodyStorage;
import org.cusax.testbed.prosody.ProsodyStorage.RosterEntry;

/**
 * A real Prosody (cusax-testbed, deploy/ config, stream management on) with one user per roster size:
 * {@code owner<N>} has N contacts, each with a vcard-temp holding a mobile number (and every other one a
 * SIP URI too), seeded in bulk into Prosody's storage. Contact {@code i} of every roster is the same
 * account {@code k<i>}, so seeding 10,000 contacts covers the smaller rosters too.
 */
public final class RosterWorld implements AutoCloseable {
    static final String DOMAIN = "cusax.test";
    private final Testbed testbed;
    private final TestUser template;
    private int seededContacts;

    private RosterWorld(Testbed testbed, TestUser template) {
        this.testbed = testbed;
        this.template = template;
    }

    public static RosterWorld start() {
        Testbed tb = Testbed.start(TestbedOptions.defaults().withKamailio(false));
        try {
            return new RosterWorld(tb, tb.createUser("template"));
        } catch (RuntimeException e) {
            tb.close();
            throw e;
        }
    }

    /** The raw vcard-temp number of contact {@code i} (what "known" means in the results). */
    static String number(int i) {
        return String.format("+33 6 %02d %02d %02d %02d", (i / 1000000) % 100, (i / 10000) % 100, (i / 100) % 100,
                i % 100);
    }

    static String contact(int i) {
        return String.format("k%05d", i);
    }

    /** Makes {@code owner<n>} with n contacts (their accounts and vCards made once for all sizes). */
    public synchronized String seedRoster(int n) {
        ProsodyStorage s = testbed.prosody().storage();
        for (int i = seededContacts + 1; i <= n; i++) {
            String name = contact(i);
            s.cloneAccount("template", name);
            s.writeVcardTemp(name, "<vCard xmlns='vcard-temp'><FN>Contact " + i + "</FN><TEL><CELL/><NUMBER>"
                    + number(i) + "</NUMBER></TEL>" + (i % 2 == 0 ? "<TEL><WORK/><VOICE/><NUMBER>sip:" + name + "@"
                    + DOMAIN + "</NUMBER></TEL>" : "") + "</vCard>");
        }
        seededContacts = Math.max(seededContacts, n);
        String owner = "owner" + n;
        List<RosterEntry> roster = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            roster.add(new RosterEntry(contact(i) + "@" + DOMAIN, "Contact " + i, "both"));
        }
        s.cloneAccount("template", owner);
        s.writeRoster(owner, 1, roster);
        return owner;
    }

    /** The account of {@code user} reached through {@code port} (a relay in front of Prosody). */
    public Account account(String user, int port) {
        return new Account(Protocol.XMPP, user + "@" + DOMAIN, user, Secret.of(template.password()), DOMAIN,
                new ServerEndpoint("127.0.0.1", port, Transport.TCP),
                new SecuritySettings(Optional.of(testbed.caCertificate()), Optional.empty(), "TLSv1.2", true),
                Features.chatDefaults());
    }

    public int prosodyPort() {
        return testbed.prosody().c2sPort();
    }

    /** Prosody's process id, for its CPU time ({@link ServerCpu}). */
    public long prosodyPid() {
        return testbed.prosody().pid();
    }

    public Path runDir() {
        return testbed.runDir();
    }

    @Override
    public void close() {
        testbed.close();
    }
}
