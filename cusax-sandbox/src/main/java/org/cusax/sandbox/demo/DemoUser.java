package org.cusax.sandbox.demo;

import java.nio.file.Path;

/**
 * An account of the sandbox that a person (or another client) logs in as, on both halves.
 *
 * @param name       the user part, e.g. {@code demo}
 * @param password   the password of both halves (a demo credential, printed on purpose: the sandbox is
 *                   for trying, on 127.0.0.1 only)
 * @param jid        the XMPP address
 * @param sipAor     the SIP address-of-record
 * @param number     the global phone number that reaches it over SIP
 * @param configFile the client configuration written for it
 */
public record DemoUser(String name, String password, String jid, String sipAor, String number, Path configFile) {
    @Override
    public String toString() {
        return "DemoUser[" + jid + "]";
    }
}
