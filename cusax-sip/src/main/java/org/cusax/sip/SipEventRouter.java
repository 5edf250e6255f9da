package org.cusax.sip;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;

import org.cusax.sip.processor.RequestDispatcher;
import org.cusax.sip.registration.RegistrationClient;

/**
 * The stack's single listener: incoming requests go to the per-method processors, responses,
 * timeouts and transport errors of our own requests to the registration client.
 */
final class SipEventRouter implements SipListener {
    private volatile RequestDispatcher dispatcher;
    private volatile RegistrationClient registration;

    void connect(RequestDispatcher requestDispatcher, RegistrationClient registrationClient) {
        this.dispatcher = requestDispatcher;
        this.registration = registrationClient;
    }

    @Override
    public void processRequest(RequestEvent event) {
        RequestDispatcher d = dispatcher;
        if (d != null) {
            d.dispatch(event);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        RegistrationClient r = registration;
        if (r != null) {
            r.onResponse(event.getClientTransaction(), event.getResponse());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        RegistrationClient r = registration;
        if (r != null && !event.isServerTransaction()) {
            ClientTransaction tx = event.getClientTransaction();
            r.onTimeout(tx);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        RegistrationClient r = registration;
        if (r != null) {
            r.onTransportError(event.getHost(), event.getPort());
        }
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing to clean up
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // no dialogs yet
    }
}
