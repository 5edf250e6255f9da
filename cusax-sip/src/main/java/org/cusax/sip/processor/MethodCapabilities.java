package org.cusax.sip.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sip.message.Request;

import org.cusax.core.account.Features;

/**
 * Which methods we allow (the Allow header) for the account's feature switches as they are now, and which
 * methods we know at all (known but not allowed → 405, unknown → 501, RFC 3261 §8.2.1). Thread-safe.
 */
public final class MethodCapabilities {
    /** Methods of RFC 3261 and its common extensions. */
    private static final Set<String> KNOWN = Set.of(Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL,
            Request.OPTIONS, Request.REGISTER, Request.SUBSCRIBE, Request.NOTIFY, Request.PUBLISH, Request.MESSAGE,
            Request.INFO, Request.PRACK, Request.UPDATE, Request.REFER);

    private volatile Features features;
    private volatile List<String> allowed;

    public MethodCapabilities(Features features) {
        set(features);
    }

    /**
     * Follows the account's feature switches from now on (changed in the running session): what we allow, the
     * Allow header and OPTIONS answers.
     */
    public void set(Features changed) {
        List<String> methods = new ArrayList<>();
        if (changed.calling()) {
            methods.addAll(List.of(Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL, Request.UPDATE));
        }
        methods.add(Request.OPTIONS);
        if (changed.imAndPresence()) {
            methods.addAll(List.of(Request.MESSAGE, Request.SUBSCRIBE, Request.NOTIFY));
        }
        this.allowed = List.copyOf(methods);
        this.features = changed;
    }

    /** Methods for the Allow header, in a stable order. */
    public List<String> allowed() {
        return allowed;
    }

    public boolean allows(String method) {
        return allowed.contains(method);
    }

    public boolean knows(String method) {
        return KNOWN.contains(method);
    }

    public Features features() {
        return features;
    }
}
