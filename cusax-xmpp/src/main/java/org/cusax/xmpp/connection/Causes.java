package org.cusax.xmpp.connection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jivesoftware.smack.SmackException.EndpointConnectionException;
import org.jivesoftware.smack.util.rce.RemoteConnectionException;

/** Flattens an exception, its causes and Smack's per-endpoint connection failures into one list. */
final class Causes {
    private Causes() {
    }

    static List<Throwable> of(Throwable failure) {
        List<Throwable> result = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(failure, result, seen);
        return result;
    }

    private static void collect(Throwable t, List<Throwable> result, Set<Throwable> seen) {
        while (t != null && seen.add(t)) {
            result.add(t);
            if (t instanceof EndpointConnectionException e) {
                for (RemoteConnectionException<?> rce : e.getConnectionExceptions()) {
                    collect(rce.getException(), result, seen);
                }
            }
            t = t.getCause();
        }
    }

    static <T extends Throwable> Optional<T> find(List<Throwable> chain, Class<T> type) {
        return chain.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    static boolean anyMessageContains(List<Throwable> chain, String text) {
        return chain.stream().anyMatch(t -> t.getMessage() != null && t.getMessage().contains(text));
    }
}
