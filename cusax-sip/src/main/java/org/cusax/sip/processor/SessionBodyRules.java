package org.cusax.sip.processor;

import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;

import javax.sip.header.AcceptHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * RFC 3261 §8.2.3 for a request that may carry or ask for a session description (INVITE, UPDATE): a body that
 * is not {@code application/sdp} gets 415 (we read no other; RFC 4475 §3.3.6 {@code invut}), and an Accept that
 * admits no {@code application/sdp}, while our answer would carry SDP, gets 406 (RFC 4475 §3.3.15 {@code sdp01}).
 */
final class SessionBodyRules {
    private SessionBodyRules() {
    }

    static Optional<RequestScreen.Refusal> check(Request request) {
        byte[] body = request.getRawContent();
        if (body != null && body.length > 0 && request.getHeader(ContentTypeHeader.NAME) instanceof ContentTypeHeader ct
                && !("application".equalsIgnoreCase(ct.getContentType())
                && "sdp".equalsIgnoreCase(ct.getContentSubType()))) {
            return Optional.of(new RequestScreen.Refusal(Response.UNSUPPORTED_MEDIA_TYPE,
                    "body of type " + ct.getContentType() + "/" + ct.getContentSubType(), java.util.List.of()));
        }
        ListIterator<?> accepts = request.getHeaders(AcceptHeader.NAME);
        boolean anyAccept = false;
        while (accepts != null && accepts.hasNext()) {
            if (accepts.next() instanceof AcceptHeader a) {
                anyAccept = true;
                String type = String.valueOf(a.getContentType()).toLowerCase(Locale.ROOT);
                String sub = String.valueOf(a.getContentSubType()).toLowerCase(Locale.ROOT);
                if ((type.equals("application") || type.equals("*")) && (sub.equals("sdp") || sub.equals("*"))) {
                    return Optional.empty();
                }
            }
        }
        return anyAccept ? Optional.of(new RequestScreen.Refusal(Response.NOT_ACCEPTABLE,
                "Accept admits no application/sdp", java.util.List.of())) : Optional.empty();
    }
}
