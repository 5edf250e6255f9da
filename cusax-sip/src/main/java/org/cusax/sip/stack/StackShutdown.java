package org.cusax.sip.stack;

import java.util.ConcurrentModificationException;

import javax.sip.DialogTerminatedEvent;
import javax.sip.SipProvider;

import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;

import org.cusax.sip.net.StackSockets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a JAIN-SIP 1.3.0-91 stack completely, working around three of its stop bugs:
 * <ul>
 *   <li>{@code UDPMessageProcessor.stop} iterates its channel threads while a thread that has just
 *       started removes itself, throwing {@link ConcurrentModificationException} half-way through
 *       {@code stop()} (seen when a stack stops right after it started); the stop is tried again, which
 *       stops the processors the first attempt did not reach;</li>
 *   <li>sockets it lost track of stay open ({@link StackSockets#closeRemaining});</li>
 *   <li>its event-scanner thread stays blocked forever unless woken.</li>
 * </ul>
 */
public final class StackShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(StackShutdown.class);
    private static final int ATTEMPTS = 3;

    private StackShutdown() {
    }

    /** @param provider the stack's provider, or null if it was never created */
    public static void stop(SipStackImpl stack, StackSockets sockets, SipProvider provider) {
        EventScanner scanner = stack.getEventScanner();
        stopStack(stack);
        sockets.closeRemaining();
        if (scanner != null && provider != null) {
            scanner.forceStop();
            scanner.addEvent(new EventWrapper(new DialogTerminatedEvent(provider, null), null));
        }
    }

    private static void stopStack(SipStackImpl stack) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                stack.stop();
                return;
            } catch (ConcurrentModificationException e) {
                LOG.debug("JAIN-SIP stop raced with a starting channel thread (attempt {}); stopping again", attempt);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        LOG.warn("the SIP stack did not stop cleanly; its remaining sockets are closed");
    }
}
