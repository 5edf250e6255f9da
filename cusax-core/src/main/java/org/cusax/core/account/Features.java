package org.cusax.core.account;

/**
 * Feature switches of one account (CUSAX §3, client bootstrap). In a CUSAX service the SIP account
 * normally has calling on and IM/presence off, the XMPP account the reverse.
 *
 * @param calling      the account may place and answer calls
 * @param imAndPresence the account may chat and publish/subscribe presence
 */
public record Features(boolean calling, boolean imAndPresence) {
    public static Features telephonyDefaults() {
        return new Features(true, false);
    }

    public static Features chatDefaults() {
        return new Features(false, true);
    }
}
