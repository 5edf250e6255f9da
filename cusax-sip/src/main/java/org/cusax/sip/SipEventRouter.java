package org.cusax.sip;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;

import org.cusax.sip.call.CallManager;
import org.cusax.sip.processor.RequestDispatcher;
import org.cusax.sip.registration.RegistrationClient;

/**
 * The stack's single listener: incoming requests go to the per-method processors; responses and
 * timeouts of our REGISTERs, and transport errors, to the registration client; those of call requests
 * (INVITE, CANCEL, BYE) to the call manager.
 */
final class SipEventRouter implements SipListener {
    private volatile RequestDispatcher dispatcher;
    private volatile RegistrationClient registration;
    private volatile CallManager calls;

    void connect(RequestDispatcher requestDispatcher, RegistrationClient registrationClient, CallManager callManager) {
        this.dispatcher = requestDispatcher;
        this.registration = registrationClient;
        this.calls = callManager;
    }

    private static boolean isRegister(javax.sip.message.Message m) {
        var cseq = (javax.sip.header.CSeqHeader) m.getHeader(javax.sip.header.CSeqHeader.NAME);
        return cseq != null && javax.sip.message.Request.REGISTER.equals(cseq.getMethod());
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
        CallManager c = calls;
        if (c != null && !isRegister(event.getResponse())) {
            c.onResponse(event.getClientTransaction(), event.getResponse());
            return;
        }
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
            CallManager c = calls;
            if (c != null && tx != null && !isRegister(tx.getRequest())) {
                c.onTimeout(tx);
                return;
            }
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
