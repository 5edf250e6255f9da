package org.cusax.testbed;

/**
 * A user that exists on both servers of a run, with the same name and password on XMPP and SIP
 * (or, made by {@link Testbed#createPhoneUser(String)}, a SIP-only account named by an E.164 number).
 * {@link #toString()} never shows the password.
 *
 * @param name     user part of the JID and of the SIP AOR; also the SIP digest user name
 * @param domain   the run's domain
 * @param password random per run
 */
public record TestUser(String name, String domain, String password) {

    /** The bare JID {@code name@domain}. */
    public String jid() {
        return name + "@" + domain;
    }

    /** The SIP address-of-record {@code sip:name@domain}. */
    public String sipAor() {
        return "sip:" + name + "@" + domain;
    }

    @Override
    public String toString() {
        return "TestUser[" + jid() + "]";
    }
}
