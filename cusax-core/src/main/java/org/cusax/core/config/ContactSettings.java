package org.cusax.core.config;

import java.nio.file.Path;
import java.util.Optional;

import org.cusax.core.contact.TelPreference;

/**
 * How the contact list and its telephony addresses are loaded and interpreted.
 *
 * @param defaultRegion      ISO 3166 region for numbers written without a country code (e.g. FR, US)
 * @param telPreference      order of labels when a contact has several callable addresses
 * @param cacheDir           where rosters and contact details are cached between runs, per account;
 *                           empty = no disk cache (everything is fetched at each start)
 * @param requestsInFlight   most vCard requests outstanding at once while loading
 * @param publishReachability publish our SIP address-of-record as XEP-0152 reachability (presence + PEP)
 */
public record ContactSettings(String defaultRegion, TelPreference telPreference, Optional<Path> cacheDir,
                              int requestsInFlight, boolean publishReachability, boolean primeCaps) {
    /** The largest {@code contacts.requests-in-flight}, and its default: as many as the adapter allows. */
    public static final int MAX_REQUESTS_IN_FLIGHT = 1000;

    public ContactSettings {
        if (defaultRegion == null || !defaultRegion.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("contacts.default-region must be a two-letter region code, got '"
                    + defaultRegion + "'");
        }
        if (telPreference == null) {
            throw new IllegalArgumentException("contacts.tel-preference is missing");
        }
        cacheDir = cacheDir == null ? Optional.empty() : cacheDir;
        if (requestsInFlight < 1 || requestsInFlight > MAX_REQUESTS_IN_FLIGHT) {
            throw new IllegalArgumentException("contacts.requests-in-flight must be within 1..1000");
        }
    }

    /** Without priming our capabilities ({@code contacts.prime-caps = false}). */
    public ContactSettings(String defaultRegion, TelPreference telPreference, Optional<Path> cacheDir,
                           int requestsInFlight, boolean publishReachability) {
        this(defaultRegion, telPreference, cacheDir, requestsInFlight, publishReachability, false);
    }

    /** The same, priming our capabilities with the server before the roster (very large rosters). */
    public ContactSettings primingCaps() {
        return new ContactSettings(defaultRegion, telPreference, cacheDir, requestsInFlight, publishReachability, true);
    }

    /** US region, default preference, no disk cache, as many requests in flight as the adapter allows, reachability published. */
    public static ContactSettings defaults() {
        return new ContactSettings("US", TelPreference.defaults(), Optional.empty(), MAX_REQUESTS_IN_FLIGHT, true);
    }
}
