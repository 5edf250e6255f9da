package org.cusax.xmpp.contacts;

import java.util.List;

import org.cusax.core.contact.Presence;
import org.cusax.core.contact.NormalizedAddress;
import org.cusax.core.contact.RawTel;
import org.cusax.core.contact.TelSource;
import org.cusax.core.port.ContactCallbacks;
import org.cusax.core.port.RosterItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forwards to the core's callbacks; a callback that throws is logged, never propagated to our threads. */
final class SafeContactCallbacks implements ContactCallbacks {
    private static final Logger LOG = LoggerFactory.getLogger(SafeContactCallbacks.class);
    private final ContactCallbacks target;

    SafeContactCallbacks(ContactCallbacks target) {
        this.target = target;
    }

    private void call(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("the contact callback {} failed: {}", what, e.toString());
        }
    }

    @Override
    public void onRoster(List<RosterItem> items) {
        call("onRoster", () -> target.onRoster(items));
    }

    @Override
    public void onRosterItem(RosterItem item) {
        call("onRosterItem", () -> target.onRosterItem(item));
    }

    @Override
    public void onRosterItemRemoved(String jid) {
        call("onRosterItemRemoved", () -> target.onRosterItemRemoved(jid));
    }

    @Override
    public void onAvatar(String jid, String photoHash) {
        call("onAvatar", () -> target.onAvatar(jid, photoHash));
    }

    @Override
    public void onSubscriptionRequest(String jid) {
        call("onSubscriptionRequest", () -> target.onSubscriptionRequest(jid));
    }

    @Override
    public void onSubscriptionWithdrawn(String jid) {
        call("onSubscriptionWithdrawn", () -> target.onSubscriptionWithdrawn(jid));
    }

    @Override
    public void onPresence(String jid, Presence presence) {
        call("onPresence", () -> target.onPresence(jid, presence));
    }

    @Override
    public void onTels(String jid, TelSource source, List<RawTel> tels) {
        call("onTels", () -> target.onTels(jid, source, tels));
    }

    @Override
    public void onTels(String jid, TelSource source, List<RawTel> tels, String rules, List<NormalizedAddress> forms) {
        call("onTels", () -> target.onTels(jid, source, tels, rules, forms));
    }

    @Override
    public void onContactsLoading(int done, int total) {
        call("onContactsLoading", () -> target.onContactsLoading(done, total));
    }

    @Override
    public void onContactsCapped(int kept, int ignored, int limit) {
        call("onContactsCapped", () -> target.onContactsCapped(kept, ignored, limit));
    }

    @Override
    public void onContactsLoaded(int total) {
        call("onContactsLoaded", () -> target.onContactsLoaded(total));
    }
}
