package org.cusax.xmpp.contacts;

/**
 * Counters of contact loading since the port started, for tests and diagnostics (request counts are
 * exact; no timings).
 *
 * @param vcardTempRequests vcard-temp requests sent
 * @param vcard4Requests    vCard4 PEP item requests sent
 * @param maxInFlight       most requests outstanding at the same time
 * @param contactsFromCache contacts whose tels were taken from the disk cache at a roster load
 * @param contactsFetched   contacts whose tels were fetched from the server (fully answered)
 * @param retries           requests sent again after getting no answer (counted in the requests too)
 * @param gateHolds         times queued requests waited with the window not full, for the server to acknowledge
 *                          what we sent (XEP-0198, {@code AckGate}); each wait counted once
 * @param windowHolds       times queued requests waited for answers because the window was full; counted the same
 */
public record LoadStats(long vcardTempRequests, long vcard4Requests, int maxInFlight, int contactsFromCache,
                        int contactsFetched, long retries, long gateHolds, long windowHolds) {
    public static final LoadStats NONE = new LoadStats(0, 0, 0, 0, 0, 0, 0, 0);

    /** Every vCard request, both kinds. */
    public long vcardRequests() {
        return vcardTempRequests + vcard4Requests;
    }
}
