package org.cusax.sip.processor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each incoming request to the processor of its method. Methods without a processor get 405
 * Method Not Allowed when we know them and 501 Not Implemented otherwise, both with our Allow header
 * (RFC 3261 §8.2.1). Before that, {@link RequestScreen} refuses a wrong SIP version (505), unknown required
 * extensions (420) and an INVITE without a usable Contact (400). A processor that fails produces a 500
 * rather than silence.
 */
public final class RequestDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private final Map<String, RequestProcessor> processors = new LinkedHashMap<>();
    private final Responder responder;

    public RequestDispatcher(List<RequestProcessor> processors, Responder responder) {
        for (RequestProcessor p : processors) {
            if (this.processors.put(p.method(), p) != null) {
                throw new IllegalArgumentException("two processors for " + p.method());
            }
        }
        this.responder = responder;
    }

    /** The processors for the account's feature switches. */
    public static RequestDispatcher standard(Responder responder) {
        return standard(responder, java.util.Optional.empty());
    }

    /** The processors for the account's feature switches, with incoming calls going to {@code calls}. */
    public static RequestDispatcher standard(Responder responder,
                                             java.util.Optional<org.cusax.sip.call.IncomingCalls> calls) {
        // every processor is there; dispatch() refuses what the switches turn off now (they change while running)
        List<RequestProcessor> list = new java.util.ArrayList<>(List.of(new OptionsProcessor(),
                new SubscribeProcessor(), new PublishProcessor()));
        list.addAll(List.of(new InviteProcessor(calls), new AckProcessor(calls), new ByeProcessor(calls),
                new CancelProcessor(calls), new UpdateProcessor(calls)));
        list.addAll(List.of(new MessageRequestProcessor(), new NotifyProcessor()));
        return new RequestDispatcher(list, responder);
    }

    public void dispatch(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        RequestProcessor processor = switchedOff(request) ? null : processors.get(method);
        try {
            var refusal = RequestScreen.check(request);
            if (refusal.isPresent()) {
                LOG.debug("incoming {} refused with {}: {}", method, refusal.get().status(), refusal.get().reason());
                if (!Request.ACK.equals(method)) {
                    responder.send(event, RequestScreen.respond(responder, request, refusal.get()));
                }
            } else if (processor != null) {
                processor.process(event, responder);
            } else if (Request.ACK.equals(method)) {
                LOG.debug("stray ACK dropped");
            } else {
                int status = responder.capabilities().knows(method)
                        ? Response.METHOD_NOT_ALLOWED : Response.NOT_IMPLEMENTED;
                Response response = responder.create(request, status);
                responder.addAllow(response);
                responder.send(event, response);
            }
        } catch (RuntimeException e) {
            LOG.warn("processing an incoming {} failed: {}", method, e.getMessage());
            responder.respond(event, Response.SERVER_INTERNAL_ERROR);
        }
    }

    /**
     * A request the account's switches turn off now: a new call (an INVITE outside a dialog) with calling off,
     * MESSAGE or NOTIFY with IM/presence off. What belongs to a call already up (ACK, BYE, CANCEL, re-INVITE,
     * UPDATE) still reaches it, so switching calling off ends no call.
     */
    private boolean switchedOff(Request request) {
        String method = request.getMethod();
        if (responder.capabilities().allows(method)) {
            return false;
        }
        if (Request.MESSAGE.equals(method) || Request.NOTIFY.equals(method)) {
            return true;
        }
        if (!Request.INVITE.equals(method)) {
            return false;
        }
        javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) request.getHeader(javax.sip.header.ToHeader.NAME);
        return to == null || to.getTag() == null;
    }

    public Map<String, RequestProcessor> processors() {
        return Map.copyOf(processors);
    }
}
