package org.cusax.sip.processor;

import javax.sip.RequestEvent;

/** Handles incoming requests of one SIP method. Called from the stack's thread: must not block. */
public interface RequestProcessor {
    /** The method handled, upper case, e.g. {@code OPTIONS}. */
    String method();

    void process(RequestEvent event, Responder responder);
}
