package org.cusax.sip.processor;

import java.text.ParseException;

import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.header.AllowHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and sends responses to incoming requests, through a server transaction so retransmitted
 * requests are absorbed by the stack. Every response names our software in a Server header.
 */
public final class Responder {
    private static final Logger LOG = LoggerFactory.getLogger(Responder.class);

    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final MethodCapabilities capabilities;
    private final String serverName;
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    public Responder(SipProvider provider, MessageFactory messages, HeaderFactory headers,
                     MethodCapabilities capabilities, String serverName) {
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.capabilities = capabilities;
        this.serverName = serverName;
    }

    /** A response to {@code request} with our Server header. */
    public Response create(Request request, int status) {
        try {
            Response response = messages.createResponse(status, request);
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (status > Response.TRYING && to != null && to.getTag() == null) {
                to.setTag(tag()); // RFC 3261 §8.2.6.2
            }
            if (serverName != null && !serverName.isBlank()) {
                response.setHeader(headers.createHeader("Server", serverName));
            }
            return response;
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build a " + status + " response: " + e.getMessage(), e);
        }
    }

    private String tag() {
        byte[] b = new byte[6];
        random.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    /** Adds one Allow header listing what we allow (RFC 3261 §20.5). */
    public void addAllow(Response response) {
        try {
            for (String method : capabilities.allowed()) {
                AllowHeader allow = headers.createAllowHeader(method);
                response.addHeader(allow);
            }
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build the Allow header: " + e.getMessage(), e);
        }
    }

    /**
     * Adds a Warning header (RFC 3261 §20.43: code 399, miscellaneous) saying why, e.g. why a call was
     * refused; quotes and control characters are replaced so that the text stays one quoted string.
     */
    public void warn(Response response, String text) {
        String clean = text.replaceAll("[\\p{Cntrl}\"\\\\]", "'").replaceAll("[^\\x20-\\x7e]", "?");
        try {
            response.addHeader(headers.createWarningHeader("cusax", 399, clean));
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException("cannot build the Warning header: " + e.getMessage(), e);
        }
    }

    public void respond(RequestEvent event, int status) {
        send(event, create(event.getRequest(), status));
    }

    public void send(RequestEvent event, Response response) {
        Request request = event.getRequest();
        try {
            ServerTransaction tx = event.getServerTransaction();
            if (tx == null) {
                tx = provider.getNewServerTransaction(request);
            }
            tx.sendResponse(response);
        } catch (TransactionAlreadyExistsException e) {
            LOG.debug("retransmitted {} absorbed", request.getMethod());
        } catch (SipException | InvalidArgumentException e) {
            LOG.debug("no transaction for {} ({}), answering statelessly", request.getMethod(), e.getMessage());
            try {
                provider.sendResponse(response);
            } catch (SipException ex) {
                LOG.warn("could not answer {} with {}: {}", request.getMethod(), response.getStatusCode(),
                        ex.getMessage());
            }
        }
    }

    public HeaderFactory headers() {
        return headers;
    }

    public MethodCapabilities capabilities() {
        return capabilities;
    }
}
