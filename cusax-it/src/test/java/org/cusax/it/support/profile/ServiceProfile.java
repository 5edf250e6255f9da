package org.cusax.it.support.profile;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import org.cusax.testbed.TestUser;
import org.cusax.testbed.sip.SipProbe;
import org.cusax.testbed.sip.SipTransport;
import org.cusax.testbed.sip.Sipp;

/**
 * The CUSAX service (an XMPP server and a SIP registrar/proxy for one domain on 127.0.0.1) that an
 * integration test runs against. Tests written against this interface run unchanged on real
 * servers and on the sandbox, so the sandbox cannot drift from the real servers.
 */
public interface ServiceProfile extends AutoCloseable {

    /** A short name for reports: {@code real-servers} or {@code sandbox}. */
    String name();

    /** The XMPP and SIP domain. */
    String domain();

    /** A directory of this run for client configs, caches, history (removed at close). */
    Path runDir();

    /** Creates {@code name} on both halves with one new random password; each name once per run. */
    TestUser createUser(String name);

    /**
     * Writes {@code <runDir>/<name>.conf} (cusax.conf keys) and its password file for {@code user}:
     * both halves, SIP over {@code transport}, the run's trust anchors, history in {@code runDir/history}.
     */
    Path writeClientConfig(TestUser user, SipTransport transport);

    /** Where an XMPP client connects (STARTTLS required). */
    String xmppHost();

    int xmppPort();

    /** The trust anchors of the XMPP server's certificate, for other users' Smack clients. */
    KeyStore xmppTrustStore();

    /** The contact URIs currently registered for {@code user} (the registrar's location service). */
    List<String> registeredContacts(String user);

    /** A raw UDP SIP client against the registrar/proxy (independent of cusax's SIP stack). */
    SipProbe sipProbe();

    /** sipp against the proxy's UDP port (installed if missing); one per run. */
    Sipp sipp();

    /** What helps understand a failure (server log tails); may be empty. */
    String diagnostics();

    /** Stops every server of the run; idempotent. */
    @Override
    void close();
}
