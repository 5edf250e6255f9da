package org.cusax.provisioning.directory;

import java.util.List;

/**
 * A user as the directory holds it (never with a password).
 *
 * @param id          the user id, which is also the XMPP JID
 * @param displayName the name shown to others (SIP display name, vCard FN)
 * @param sipAor      the SIP address-of-record, {@code sip:alice@example.com}
 * @param phones      the numbers the directory owns in the user's vCard, in order
 * @param enabled     a disabled user cannot sign in anywhere
 * @param revision    grows with every change of the user
 */
public record DirectoryUser(UserId id, String displayName, String sipAor, List<PhoneNumber> phones, boolean enabled,
        long revision) {
    public DirectoryUser {
        displayName = displayName == null ? "" : displayName.strip();
        if (sipAor == null || !sipAor.matches("sips?:[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("invalid SIP address-of-record '" + sipAor + "'");
        }
        phones = List.copyOf(phones);
    }

    /** The default AOR for a user id: {@code sip:localpart@domain}. */
    public static String defaultAor(UserId id) {
        return "sip:" + id;
    }

    /** The SIP digest user name: the AOR's user part. */
    public String sipAuthUser() {
        String s = sipAor.substring(sipAor.indexOf(':') + 1);
        return s.substring(0, s.indexOf('@'));
    }

    /** The SIP domain (digest realm): the AOR's host part. */
    public String sipDomain() {
        return sipAor.substring(sipAor.indexOf('@') + 1);
    }
}
