package org.cusax.sip.processor;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.sip.header.ContactHeader;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The checks every request passes before its method's processor sees it (RFC 3261 §8.2): the protocol
 * version (505, §8.2.2 and §21.5.7), the extensions it requires (420 naming them in Unsupported,
 * §8.2.2.3, never for ACK or CANCEL), a Request-URI scheme other than sip, sips or tel (416, §8.2.2.1), a
 * session body we cannot read or an answer we may not send ({@link SessionBodyRules}: 415, 406), and an INVITE
 * without a usable Contact (400, §8.1.1.8). JAIN-SIP
 * drops a header it cannot parse, so a malformed Contact shows here as a missing one.
 */
final class RequestScreen {
    /** The option tags we implement: none so far (our OPTIONS answer sends an empty Supported). */
    static final Set<String> SUPPORTED = Set.of();

    /** A refusal: the status and, for 420, the unsupported option tags. */
    record Refusal(int status, String reason, List<String> unsupported) {
    }

    private RequestScreen() {
    }

    static Optional<Refusal> check(Request request) {
        String method = request.getMethod();
        String version = request.getSIPVersion();
        if (version == null || !version.equalsIgnoreCase("SIP/2.0")) {
            return Optional.of(new Refusal(Response.VERSION_NOT_SUPPORTED, "SIP version " + version, List.of()));
        }
        if (Request.ACK.equals(method) || Request.CANCEL.equals(method)) {
            return Optional.empty();
        }
        List<String> unsupported = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(RequireHeader.NAME);
        while (it != null && it.hasNext()) {
            Object h = it.next();
            String tag = h instanceof RequireHeader r ? r.getOptionTag() : String.valueOf(h);
            if (tag != null && !SUPPORTED.contains(tag.trim().toLowerCase(Locale.ROOT))) {
                unsupported.add(tag.trim());
            }
        }
        if (!unsupported.isEmpty()) {
            return Optional.of(new Refusal(Response.BAD_EXTENSION, "unsupported " + unsupported, unsupported));
        }
        String scheme = request.getRequestURI() == null ? "" : request.getRequestURI().getScheme();
        if (!"sip".equalsIgnoreCase(scheme) && !"sips".equalsIgnoreCase(scheme) && !"tel".equalsIgnoreCase(scheme)) {
            return Optional.of(new Refusal(Response.UNSUPPORTED_URI_SCHEME, "scheme " + scheme, List.of()));
        }
        if (Request.INVITE.equals(method) || Request.UPDATE.equals(method)) {
            Optional<Refusal> media = SessionBodyRules.check(request);
            if (media.isPresent()) {
                return media;
            }
        }
        if (Request.INVITE.equals(method) && !(request.getHeader(ContactHeader.NAME) instanceof ContactHeader c
                && c.getAddress() != null && c.getAddress().getURI() != null)) {
            return Optional.of(new Refusal(Response.BAD_REQUEST, "missing or malformed Contact", List.of()));
        }
        return Optional.empty();
    }

    /** The response for {@code refusal}, with Unsupported headers for a 420. */
    static Response respond(Responder responder, Request request, Refusal refusal) {
        Response response = responder.create(request, refusal.status());
        try {
            for (String tag : refusal.unsupported()) {
                response.addHeader(responder.headers().createUnsupportedHeader(tag));
            }
            if (refusal.status() == Response.UNSUPPORTED_MEDIA_TYPE) {
                response.addHeader(responder.headers().createAcceptHeader("application", "sdp")); // §21.4.13
            }
            if (refusal.status() == Response.BAD_REQUEST) {
                response.setReasonPhrase("Bad Request (" + refusal.reason() + ")");
            }
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build a " + refusal.status() + " response", e);
        }
        return response;
    }
}
