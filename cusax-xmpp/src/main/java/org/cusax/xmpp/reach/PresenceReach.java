package org.cusax.xmpp.reach;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.cusax.core.contact.RawTel;

/**
 * The reachability addresses contacts carry in presence (XEP-0152 §3), per resource: the latest
 * available presence of a resource replaces what that resource said before (a presence without
 * {@code <reach/>} clears it), unavailable removes the resource. A contact's addresses are the union over
 * its resources (in resource order, without duplicates). Not thread-safe: one caller thread.
 */
public final class PresenceReach {
    private final Map<String, TreeMap<String, List<RawTel>>> byContact = new HashMap<>();

    /**
     * Records one presence.
     *
     * @param bare      the contact's bare JID
     * @param resource  the sending resource ("" for a presence from the bare JID)
     * @param available whether the presence is available
     * @param tels      the callable addresses it carried (empty when none)
     * @return the contact's new union, when it changed
     */
    public Optional<List<RawTel>> update(String bare, String resource, boolean available, List<RawTel> tels) {
        List<RawTel> before = union(bare);
        TreeMap<String, List<RawTel>> resources = byContact.computeIfAbsent(bare, b -> new TreeMap<>());
        if (available) {
            resources.put(resource == null ? "" : resource, List.copyOf(tels));
        } else {
            resources.remove(resource == null ? "" : resource);
        }
        if (resources.isEmpty()) {
            byContact.remove(bare);
        }
        List<RawTel> after = union(bare);
        return after.equals(before) ? Optional.empty() : Optional.of(after);
    }

    /** Forgets a contact (removed from the roster, or all its resources went away). */
    public Optional<List<RawTel>> clear(String bare) {
        List<RawTel> before = union(bare);
        byContact.remove(bare);
        return before.isEmpty() ? Optional.empty() : Optional.of(List.of());
    }

    /** Forgets everything (connection lost); returns the contacts that had addresses, which now have none. */
    public List<String> clearAll() {
        List<String> had = new ArrayList<>();
        for (String bare : byContact.keySet()) {
            if (!union(bare).isEmpty()) {
                had.add(bare);
            }
        }
        byContact.clear();
        return had;
    }

    /** A contact's current addresses. */
    public List<RawTel> union(String bare) {
        TreeMap<String, List<RawTel>> resources = byContact.get(bare);
        if (resources == null) {
            return List.of();
        }
        Map<String, RawTel> all = new LinkedHashMap<>();
        resources.values().forEach(list -> list.forEach(t -> all.putIfAbsent(t.address(), t)));
        return List.copyOf(all.values());
    }
}
