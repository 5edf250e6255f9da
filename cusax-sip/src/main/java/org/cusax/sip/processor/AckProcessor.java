package org.cusax.sip.processor;

import javax.sip.RequestEvent;
import javax.sip.message.Request;

/**
 * ACK is never answered (RFC 3261 §17.1.1.3). The ACK for our non-2xx INVITE answers is absorbed by
 * the stack; a stray ACK reaching us is dropped here.
 */
public final class AckProcessor implements RequestProcessor {
    @Override
    public String method() {
        return Request.ACK;
    }

    @Override
    public void process(RequestEvent event, Responder responder) {
        // nothing to send
    }
}
