package org.cusax.sip.processor;

import java.text.ParseException;

import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * OPTIONS (RFC 3261 §11.2): 200 OK with Allow, Accept, Accept-Language and Supported, describing
 * what we do. It is also how a registrar's probe shows that requests to our address reach us.
 */
public final class OptionsProcessor implements RequestProcessor {
    @Override
    public String method() {
        return Request.OPTIONS;
    }

    @Override
    public void process(RequestEvent event, Responder responder) {
        Response ok = responder.create(event.getRequest(), Response.OK);
        responder.addAllow(ok);
        try {
            if (responder.capabilities().features().calling()) {
                ok.addHeader(responder.headers().createAcceptHeader("application", "sdp"));
            }
            ok.addHeader(responder.headers().createAcceptLanguageHeader(java.util.Locale.ENGLISH));
            ok.addHeader(responder.headers().createHeader("Supported", ""));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build the OPTIONS answer: " + e.getMessage(), e);
        }
        responder.send(event, ok);
    }
}
