package org.cusax.sandbox.sip;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwarded INVITEs without a final response yet, keyed by the caller's top Via branch: what a CANCEL
 * needs (RFC 3261 §16.10). A CANCEL is sent on only once the callee has answered provisionally
 * (§9.1); one that arrives earlier waits for that response.
 */
final class PendingInvites {
    private static final Logger LOG = LoggerFactory.getLogger(PendingInvites.class);

    private static final class Pending {
        final ClientTransaction client;
        boolean provisional;
        boolean cancelRequested;
        boolean cancelSent;

        Pending(ClientTransaction client) {
            this.client = client;
        }
    }

    private final SipProvider provider;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    PendingInvites(SipProvider provider) {
        this.provider = provider;
    }

    /** An INVITE was forwarded on {@code client}. */
    void track(String key, ClientTransaction client) {
        pending.put(key, new Pending(client));
    }

    /** The INVITE is over (failed to send, timed out, transaction ended); {@code key} may be null. */
    void forget(String key) {
        if (key != null) {
            pending.remove(key);
        }
    }

    boolean isPending(String key) {
        return pending.containsKey(key);
    }

    /** The caller cancelled: forward the CANCEL now, or as soon as a provisional response came. */
    void cancel(String key) {
        Pending p = pending.get(key);
        if (p == null) {
            return;
        }
        synchronized (p) {
            p.cancelRequested = true;
            if (p.provisional) {
                sendCancel(p);
            }
        }
    }

    /** A response to the forwarded INVITE {@code key} (null for other requests) came back. */
    void responded(String key, int status) {
        if (key == null) {
            return;
        }
        Pending p = status >= 200 ? pending.remove(key) : pending.get(key);
        if (p != null && status < 200) {
            synchronized (p) {
                p.provisional = true;
                if (p.cancelRequested) {
                    sendCancel(p);
                }
            }
        }
    }

    /** Called with {@code p} locked. */
    private void sendCancel(Pending p) {
        if (p.cancelSent) {
            return;
        }
        p.cancelSent = true;
        try {
            ClientTransaction ct = provider.getNewClientTransaction(p.client.createCancel());
            ct.sendRequest();
        } catch (SipException e) {
            LOG.info("cannot forward a CANCEL: {}", e.getMessage());
        }
    }
}
