package org.cusax.core.port;

import java.util.List;

import org.cusax.core.contact.NormalizedAddress;
import org.cusax.core.contact.Presence;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelSource;

/**
 * What the XMPP half reports about the contact list (the roster, RFC 6121) and the telephony
 * addresses of each contact: vcard-temp TELs (XEP-0054), vCard4 TELs (XEP-0292) and reachability
 * addresses (XEP-0152). Addresses are passed raw, exactly as received; the core normalizes them.
 * Every method has a no-op default so ports that do not track contacts need not implement them.
 */
public interface ContactCallbacks {
    /** The complete roster, replacing what was known (at login, from cache or server). */
    default void onRoster(List<RosterItem> items) {
    }

    /** One roster item was added or changed (roster push). */
    default void onRosterItem(RosterItem item) {
    }

    /** One roster item was removed (roster push). */
    default void onRosterItemRemoved(String jid) {
    }

    /**
     * {@code jid} asks to see our presence (an inbound {@code subscribe}, RFC 6121 §3.1.3); it waits for the
     * user's answer.
     */
    default void onSubscriptionRequest(String jid) {
    }

    /**
     * {@code jid} withdrew its request to see our presence (an inbound {@code unsubscribe} while its request
     * waits, RFC 6121 §3.3.3 "None + Pending In"): nothing is left to answer.
     */
    default void onSubscriptionWithdrawn(String jid) {
    }

    /** The SHA-1 (hex) of a contact's vCard photo (XEP-0153 §4.3), "" when it has none. */
    default void onAvatar(String jid, String photoHash) {
    }

    /** A contact's presence changed (aggregated over its resources). */
    default void onPresence(String jid, Presence presence) {
    }

    /** The complete list of a contact's addresses from one source, replacing the previous one. */
    default void onTels(String jid, TelSource source, List<RawTel> tels) {
    }

    /**
     * The same, with what a normalizer working under {@code rules} ({@code AddressNormalizer.rules()}: the
     * default region, the rules' and libphonenumber's versions) made of each address before, in the same
     * order (the cached list at start): a core normalizing under the same rules may use them instead of
     * parsing again.
     */
    default void onTels(String jid, TelSource source, List<RawTel> tels, String rules,
                        List<NormalizedAddress> forms) {
        onTels(jid, source, tels);
    }

    /** Contact details are being loaded: {@code done} of {@code total} contacts resolved. */
    default void onContactsLoading(int done, int total) {
    }

    /**
     * The server offered more roster items than the configured limit ({@code contacts.max-roster}):
     * {@code kept} are reported, {@code ignored} were dropped.
     */
    default void onContactsCapped(int kept, int ignored, int limit) {
    }

    /** Every roster contact's details are known (from the server or the cache). */
    default void onContactsLoaded(int total) {
    }
}
