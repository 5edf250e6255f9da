package org.cusax.sandbox.sip;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.ListIterator;
import java.util.TimeZone;

import javax.sip.ServerTransaction;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar (RFC 3261 §10.3): authenticates REGISTER with a 401 digest challenge, then adds,
 * refreshes or (Expires: 0) removes the bindings of the To address in the {@link LocationService},
 * and answers 200 with every current binding and its remaining lifetime. Expiry is clamped to
 * {@link #MAX_EXPIRES}; shorter than {@link #MIN_EXPIRES} is refused with 423 (§10.3 step 7).
 */
final class Registrar {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    static final int MIN_EXPIRES = 30;
    static final int MAX_EXPIRES = 3600;

    private final String domain;
    private final LocationService location;
    private final DigestGuard guard;
    private final Replies replies;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final Clock clock;

    Registrar(String domain, LocationService location, DigestGuard guard, Replies replies, HeaderFactory headers,
              AddressFactory addresses, Clock clock) {
        this.domain = domain;
        this.location = location;
        this.guard = guard;
        this.replies = replies;
        this.headers = headers;
        this.addresses = addresses;
        this.clock = clock;
    }

    void register(ServerTransaction st, Request req) throws ParseException {
        ToHeader to = (ToHeader) req.getHeader(ToHeader.NAME);
        if (!(to.getAddress().getURI() instanceof SipURI aorUri) || aorUri.getUser() == null) {
            replies.send(st, req, Response.BAD_REQUEST, "To must be a sip: address with a user");
            return;
        }
        if (!domain.equalsIgnoreCase(aorUri.getHost())) {
            replies.send(st, req, Response.FORBIDDEN, "Not a domain of this registrar");
            return;
        }
        String user = aorUri.getUser();
        switch (guard.verify(req, false, user)) {
            case MISSING -> {
                challenge(st, req, false);
                return;
            }
            case STALE -> {
                challenge(st, req, true);
                return;
            }
            case WRONG -> {
                LOG.info("REGISTER for {} refused: wrong credentials", user);
                replies.send(st, req, Response.FORBIDDEN, "Wrong credentials");
                return;
            }
            case OK -> {
                // go on
            }
        }
        String aor = LocationService.aor(user, domain);
        List<ContactHeader> contacts = new ArrayList<>();
        ListIterator<?> it = req.getHeaders(ContactHeader.NAME);
        while (it != null && it.hasNext()) {
            contacts.add((ContactHeader) it.next());
        }
        ExpiresHeader eh = (ExpiresHeader) req.getHeader(ExpiresHeader.NAME);
        int defaultExpires = eh == null ? MAX_EXPIRES : eh.getExpires();
        boolean wildcard = contacts.stream().anyMatch(ContactHeader::isWildCard);
        if (wildcard) {
            if (contacts.size() != 1 || defaultExpires != 0) {
                replies.send(st, req, Response.BAD_REQUEST, "Contact: * needs Expires: 0 and no other contact");
                return;
            }
            location.removeAll(aor);
            LOG.info("{} removed all its bindings", aor);
            ok(st, req, aor);
            return;
        }
        for (ContactHeader c : contacts) {
            int e = expires(c, defaultExpires);
            if (!(c.getAddress().getURI() instanceof SipURI)) {
                replies.send(st, req, Response.BAD_REQUEST, "Only sip: contacts can be registered");
                return;
            }
            if (e != 0 && e < MIN_EXPIRES) {
                Response r = replies.create(req, Response.INTERVAL_TOO_BRIEF, null);
                try {
                    r.addHeader(headers.createMinExpiresHeader(MIN_EXPIRES));
                } catch (javax.sip.InvalidArgumentException impossible) {
                    throw new IllegalStateException(impossible);
                }
                replies.send(st, r);
                return;
            }
        }
        String callId = ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
        long cseq = ((CSeqHeader) req.getHeader(CSeqHeader.NAME)).getSeqNumber();
        for (ContactHeader c : contacts) {
            SipURI contact = (SipURI) ((SipURI) c.getAddress().getURI()).clone();
            int e = Math.min(expires(c, defaultExpires), MAX_EXPIRES);
            if (e == 0) {
                location.remove(aor, contact);
                LOG.info("{} unbound {}", aor, contact);
            } else {
                location.put(aor, new Binding(contact, clock.instant().plus(Duration.ofSeconds(e)), callId, cseq));
                LOG.info("{} bound to {} for {} s", aor, contact, e);
            }
        }
        ok(st, req, aor);
    }

    private static int expires(ContactHeader c, int defaultExpires) {
        int e = c.getExpires();
        return e >= 0 ? e : defaultExpires;
    }

    private void ok(ServerTransaction st, Request req, String aor) throws ParseException {
        Response r = replies.create(req, Response.OK, null);
        for (Binding b : location.lookup(aor)) {
            ContactHeader ch = headers.createContactHeader(addresses.createAddress(b.contact()));
            try {
                ch.setExpires(location.secondsLeft(b));
            } catch (javax.sip.InvalidArgumentException e) {
                throw new IllegalStateException(e);
            }
            r.addHeader(ch);
        }
        Calendar now = Calendar.getInstance(TimeZone.getTimeZone("GMT"));
        now.setTimeInMillis(clock.millis());
        r.addHeader(headers.createDateHeader(now));
        replies.send(st, r);
    }

    private void challenge(ServerTransaction st, Request req, boolean stale) throws ParseException {
        Response r = replies.create(req, Response.UNAUTHORIZED, null);
        guard.challenge(r, stale);
        replies.send(st, r);
    }
}
