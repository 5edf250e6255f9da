package org.cusax.it.support.profile;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import org.cusax.testbed.TestUser;
import org.cusax.testbed.Testbed;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.kamailio.Binding;
import org.cusax.testbed.sip.SipProbe;
import org.cusax.testbed.sip.SipTransport;
import org.cusax.testbed.sip.Sipp;

/** Real Prosody and Kamailio started by cusax-testbed from {@code deploy/}: the production servers. */
public final class RealServersProfile implements ServiceProfile {
    private final Testbed testbed;

    private RealServersProfile(Testbed testbed) {
        this.testbed = testbed;
    }

    /** Starts both servers with {@code options}; on failure nothing is left running. */
    public static RealServersProfile start(TestbedOptions options) {
        return new RealServersProfile(Testbed.start(options));
    }

    /** The testbed underneath, for tests of a real-server-only mechanism. */
    public Testbed testbed() {
        return testbed;
    }

    @Override
    public String name() {
        return "real-servers";
    }

    @Override
    public String domain() {
        return testbed.domain();
    }

    @Override
    public Path runDir() {
        return testbed.runDir();
    }

    @Override
    public TestUser createUser(String name) {
        return testbed.createUser(name);
    }

    @Override
    public Path writeClientConfig(TestUser user, SipTransport transport) {
        return testbed.writeClientConfig(user, transport);
    }

    @Override
    public String xmppHost() {
        return testbed.prosody().host();
    }

    @Override
    public int xmppPort() {
        return testbed.prosody().c2sPort();
    }

    @Override
    public KeyStore xmppTrustStore() {
        return testbed.ca().trustStore();
    }

    @Override
    public List<String> registeredContacts(String user) {
        return testbed.kamailio().registeredContacts(user).stream().map(Binding::contact).toList();
    }

    @Override
    public SipProbe sipProbe() {
        return testbed.kamailio().probe();
    }

    @Override
    public Sipp sipp() {
        return testbed.sipp();
    }

    @Override
    public String diagnostics() {
        return testbed.serverLogTails(30);
    }

    @Override
    public void close() {
        testbed.close();
    }

    @Override
    public String toString() {
        return name() + " in " + runDir();
    }
}
