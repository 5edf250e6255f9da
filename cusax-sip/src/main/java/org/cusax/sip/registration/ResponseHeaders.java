package org.cusax.sip.registration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;

import javax.sip.header.MinExpiresHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Response;

import org.cusax.sip.auth.DigestChallenge;

/** What the registration logic reads from a registrar's answer. */
public final class ResponseHeaders {
    private ResponseHeaders() {
    }

    /** Every digest challenge, WWW-Authenticate first, in the order the server sent them. */
    public static List<DigestChallenge> challenges(Response response) {
        List<DigestChallenge> out = new ArrayList<>();
        for (String name : List.of(WWWAuthenticateHeader.NAME, ProxyAuthenticateHeader.NAME)) {
            ListIterator<?> it = response.getHeaders(name);
            while (it != null && it.hasNext()) {
                DigestChallenge.from((WWWAuthenticateHeader) it.next()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Retry-After (RFC 3261 §20.33), if present and positive. */
    static Optional<Duration> retryAfter(Response response) {
        RetryAfterHeader h = (RetryAfterHeader) response.getHeader(RetryAfterHeader.NAME);
        return h == null || h.getRetryAfter() <= 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(h.getRetryAfter()));
    }

    /** Min-Expires of a 423 (RFC 3261 §20.23), if present. */
    static Optional<Duration> minExpires(Response response) {
        MinExpiresHeader min = (MinExpiresHeader) response.getHeader(MinExpiresHeader.NAME);
        return min == null ? Optional.empty() : Optional.of(Duration.ofSeconds(min.getExpires()));
    }
}
