package org.cusax.sip.stack;

import java.util.ConcurrentModificationException;
import java.util.List;

import javax.sip.DialogTerminatedEvent;
import javax.sip.SipProvider;

import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;

import org.cusax.sip.net.StackSockets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a JAIN-SIP 1.3.0-91 stack completely, working around four of its stop bugs:
 * <ul>
 *   <li>a stack stopped right after it started can throw half-way through {@code stop()}, in
 *       {@code UDPMessageProcessor.stop}: its channel list is only made by the processor's own thread once
 *       that runs ({@link NullPointerException} while it has not yet), and is iterated while a channel
 *       thread that has just started changes it ({@link ConcurrentModificationException}). That processor's
 *       socket is already closed and its threads end on their own; the stop is tried again, which stops
 *       the processors the first attempt did not reach;</li>
 *   <li>{@code TCPMessageChannel.close} checks its socket for null and then reads the field again to close it,
 *       while the channel's own thread, whose peer has just closed the connection, closes it too and sets the
 *       field to null in between ({@link NullPointerException}, seen once in a full run); that socket is
 *       closed, and the stop is tried again in the same way;</li>
 *   <li>sockets it lost track of stay open ({@link StackSockets#closeRemaining});</li>
 *   <li>its event-scanner thread stays blocked forever unless woken.</li>
 * </ul>
 */
public final class StackShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(StackShutdown.class);
    private static final int ATTEMPTS = 3;
    /** Where JAIN-SIP's stop races throw their {@link NullPointerException}: class and method of the top frame. */
    private static final List<String> RACES = List.of("gov.nist.javax.sip.stack.UDPMessageProcessor.stop",
            "gov.nist.javax.sip.stack.TCPMessageChannel.close");

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

    static void stopStack(SipStackImpl stack) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                stack.stop();
                return;
            } catch (ConcurrentModificationException | NullPointerException e) {
                if (e instanceof NullPointerException && !thrownByKnownRace(e)) {
                    throw e; // not the race: a bug of its own, not ours to hide
                }
                LOG.debug("JAIN-SIP stop raced with one of its own threads (attempt {}: {} in {}); stopping again",
                        attempt, e.toString(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
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

    /** Whether {@code e} was thrown at one of the {@link #RACES} itself (not deeper, not elsewhere). */
    private static boolean thrownByKnownRace(RuntimeException e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && RACES.contains(trace[0].getClassName() + "." + trace[0].getMethodName());
    }
}
