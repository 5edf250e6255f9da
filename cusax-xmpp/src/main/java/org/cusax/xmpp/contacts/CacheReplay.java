package org.cusax.xmpp.contacts;

import java.util.List;
import java.util.Optional;

import org.cusax.core.contact.NormalizedAddress;
import org.cusax.core.contact.RawTel;
import org.cusax.core.port.ContactCallbacks;
import org.cusax.core.port.RosterItem;
import org.cusax.xmpp.contacts.cache.ContactCache;

/**
 * Reports what the cache knows of the cached roster's contacts, before connecting: their tels (with the
 * normalized forms the cache kept, so the core shows them without parsing) and their photo hashes.
 */
final class CacheReplay {
    private CacheReplay() {
    }

    static void show(List<RosterItem> items, ContactCache cache, ContactCallbacks out) {
        Optional<String> rules = cache.rules();
        for (RosterItem item : items) {
            cache.get(item.jid()).ifPresent(c -> {
                c.fetched().forEach((kind, f) -> tels(out, item.jid(), kind, f.tels(), rules, cache.forms(f.tels())));
                c.photo().ifPresent(hash -> out.onAvatar(item.jid(), hash));
            });
        }
    }

    private static void tels(ContactCallbacks out, String jid, TelKind kind, List<RawTel> tels, Optional<String> rules,
                             Optional<List<NormalizedAddress>> forms) {
        if (rules.isPresent() && forms.isPresent()) {
            out.onTels(jid, kind.source(), tels, rules.get(), forms.get());
        } else {
            out.onTels(jid, kind.source(), tels);
        }
    }
}
