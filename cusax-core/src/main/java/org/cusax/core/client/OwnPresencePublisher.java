package org.cusax.core.client;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.cusax.core.contact.Presence;
import org.cusax.core.port.ChatPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands our own presence to the XMPP half on that half's executor, never on the caller's thread: the
 * SIP half reports "answered" under its call lock, and Smack's stanza writer may block (a full socket,
 * a stalled server). {@link #show} returns at once; changes made while one is being written are
 * coalesced, so the last wish always reaches the port, in order, one write at a time, and a port that
 * blocks forever holds one executor task and nothing else (no queue grows behind it).
 */
final class OwnPresencePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(OwnPresencePublisher.class);

    private final ChatPort port;
    private final Executor chatWork;
    private Presence wanted;
    private boolean draining;

    OwnPresencePublisher(ChatPort port, Executor chatWork) {
        this.port = port;
        this.chatWork = chatWork;
    }

    /** Asks for {@code presence} to be shown; returns without waiting for the XMPP half. */
    void show(Presence presence) {
        synchronized (this) {
            wanted = presence;
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            chatWork.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                draining = false;
            }
            LOG.debug("presence {} not shown: the XMPP half is stopping", presence.availability());
        }
    }

    private void drain() {
        while (true) {
            Presence next;
            synchronized (this) {
                if (wanted == null) {
                    draining = false;
                    return;
                }
                next = wanted;
                wanted = null;
            }
            try {
                port.setOwnPresence(next);
            } catch (RuntimeException e) {
                LOG.warn("could not show our presence ({}): {}", next.availability(), e.getMessage());
            }
        }
    }
}
