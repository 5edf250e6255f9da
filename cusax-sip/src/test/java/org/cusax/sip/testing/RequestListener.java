package org.cusax.sip.testing;

import java.util.function.Consumer;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;

/** Test fixture: a JAIN-SIP listener that hands incoming requests to a consumer and ignores every other event. */
public final class RequestListener implements SipListener {
    private final Consumer<RequestEvent> requests;

    public RequestListener(Consumer<RequestEvent> requests) {
        this.requests = requests;
    }

    /** A listener that ignores everything, requests included. */
    public static RequestListener ignoringAll() {
        return new RequestListener(e -> {
        });
    }

    @Override
    public void processRequest(RequestEvent e) {
        requests.accept(e);
    }

    @Override
    public void processResponse(ResponseEvent e) {
    }

    @Override
    public void processTimeout(TimeoutEvent e) {
    }

    @Override
    public void processIOException(IOExceptionEvent e) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent e) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent e) {
    }
}
