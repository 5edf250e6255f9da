package org.cusax.sip.registration;

import java.time.Duration;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Objects;

import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Response;

/**
 * The registration lifetime the registrar granted (RFC 3261 §10.2.4): the {@code expires} parameter of
 * our own Contact in the 2xx, else the Expires header, else what we asked for.
 */
public final class GrantedExpiry {
    private GrantedExpiry() {
    }

    public static Duration of(Response ok, SipURI ourContact, Duration requested) {
        ListIterator<?> contacts = ok.getHeaders(ContactHeader.NAME);
        while (contacts != null && contacts.hasNext()) {
            ContactHeader c = (ContactHeader) contacts.next();
            if (c.getAddress() != null && sameBinding(c.getAddress().getURI(), ourContact) && c.getExpires() >= 0) {
                return Duration.ofSeconds(c.getExpires());
            }
        }
        ExpiresHeader expires = (ExpiresHeader) ok.getHeader(ExpiresHeader.NAME);
        if (expires != null && expires.getExpires() >= 0) {
            return Duration.ofSeconds(expires.getExpires());
        }
        return requested;
    }

    /** Same user, host, port and transport (RFC 3261 §10.3 compares Contact URIs; enough for ours). */
    static boolean sameBinding(URI uri, SipURI ours) {
        if (!(uri instanceof SipURI sip)) {
            return false;
        }
        return Objects.equals(sip.getUser(), ours.getUser())
                && sip.getHost() != null && sip.getHost().equalsIgnoreCase(ours.getHost())
                && sip.getPort() == ours.getPort()
                && lower(sip.getTransportParam()).equals(lower(ours.getTransportParam()));
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
