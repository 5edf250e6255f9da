package org.cusax.xmpp.testing;

import org.cusax.core.account.Account;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.TestUser;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Prosody from cusax-testbed (no Kamailio) with two users created for the run, alice and bob, for the
 * tests of one class: {@code @RegisterExtension static final ProsodyPair server = new ProsodyPair();} starts it
 * before them and stops it after them, also when they fail.
 */
public final class ProsodyPair implements BeforeAllCallback, AfterAllCallback {
    private Testbed testbed;
    private TestUser alice;
    private TestUser bob;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        testbed = Testbed.start(TestbedOptions.defaults().withKamailio(false));
        alice = testbed.createUser("alice");
        bob = testbed.createUser("bob");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (testbed != null) {
            testbed.close();
            testbed = null;
        }
    }

    public TestUser alice() {
        return alice;
    }

    public TestUser bob() {
        return bob;
    }

    /** Prosody's client port. */
    public int port() {
        return testbed.prosody().c2sPort();
    }

    /** {@code user}'s account, reaching the server at {@code port} (Prosody's, or a relay's in front of it). */
    public Account account(TestUser user, int port) {
        return XmppAccounts.account(user.name(), user.password(), port, testbed.caCertificate());
    }
}
