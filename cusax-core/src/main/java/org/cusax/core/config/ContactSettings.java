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
 * @param maxRoster          most roster items kept ({@code contacts.max-roster}): a roster or roster pushes
 *                           beyond it are ignored, with a warning, so that a hostile server cannot grow
 *                           the contact list, its details and its cache without bound
 */
public record ContactSettings(String defaultRegion, TelPreference telPreference, Optional<Path> cacheDir,
                              int requestsInFlight, boolean publishReachability, boolean primeCaps, int maxRoster) {
    /** The largest {@code contacts.requests-in-flight}, and its default. */
    public static final int MAX_REQUESTS_IN_FLIGHT = 1000;
    /** The default of {@code contacts.max-roster}. */
    public static final int DEFAULT_MAX_ROSTER = 50_000;
    /** The largest {@code contacts.max-roster} accepted. */
    public static final int MAX_ROSTER_LIMIT = 1_000_000;

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
        if (maxRoster < 1 || maxRoster > MAX_ROSTER_LIMIT) {
            throw new IllegalArgumentException("contacts.max-roster must be within 1..1000000");
        }
    }

    /** With the default {@code contacts.max-roster}. */
    public ContactSettings(String defaultRegion, TelPreference telPreference, Optional<Path> cacheDir,
                           int requestsInFlight, boolean publishReachability, boolean primeCaps) {
        this(defaultRegion, telPreference, cacheDir, requestsInFlight, publishReachability, primeCaps,
                DEFAULT_MAX_ROSTER);
    }

    /** Without priming our capabilities ({@code contacts.prime-caps = false}). */
    public ContactSettings(String defaultRegion, TelPreference telPreference, Optional<Path> cacheDir,
                           int requestsInFlight, boolean publishReachability) {
        this(defaultRegion, telPreference, cacheDir, requestsInFlight, publishReachability, false);
    }

    /** The same, priming our capabilities with the server before the roster (very large rosters). */
    public ContactSettings primingCaps() {
        return new ContactSettings(defaultRegion, telPreference, cacheDir, requestsInFlight, publishReachability, true,
                maxRoster);
    }

    /** The same, keeping at most {@code max} roster items. */
    public ContactSettings withMaxRoster(int max) {
        return new ContactSettings(defaultRegion, telPreference, cacheDir, requestsInFlight, publishReachability,
                primeCaps, max);
    }

    /** US region, default preference, no disk cache, as many requests in flight as the adapter allows, reachability published. */
    public static ContactSettings defaults() {
        return new ContactSettings("US", TelPreference.defaults(), Optional.empty(), MAX_REQUESTS_IN_FLIGHT, true);
    }
}
