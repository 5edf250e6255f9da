package org.cusax.xmpp.contacts;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.cusax.xmpp.contacts.cache.CachedContact;
import org.cusax.xmpp.contacts.cache.ContactCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a vcard-temp change is noticed. XEP-0054 has no notification; the only signal is the XEP-0153 photo
 * hash in presence (§4.3). We keep the SHA-1 of the photo of the vCard we fetched; a presence advertising
 * another hash makes us fetch that contact's vcard-temp again, once per advertised hash: the hash it
 * advertised is the one cached with the vCard fetched for it, so a server serving an older copy a while
 * longer does not make us fetch again at each presence.
 *
 * <p>Limits: the hash changes only when the photo changes, so a TEL edited without touching the photo goes
 * unnoticed until the cached copy is {@link ContactSync#MAX_AGE} old, the contact changes in the roster, or
 * the user refreshes; and contacts whose clients do not send XEP-0153 give no signal at all.
 *
 * <p>Used on the contact thread only.
 */
final class PhotoHashWatch {
    private static final Logger LOG = LoggerFactory.getLogger(PhotoHashWatch.class);

    private final ContactCache cache;
    private final ContactLoader loader;
    /** Contacts whose vcard-temp is being fetched again, with the hash that made us fetch it. */
    private final Map<String, String> triggered = new HashMap<>();

    PhotoHashWatch(ContactCache cache, ContactLoader loader) {
        this.cache = cache;
        this.loader = loader;
    }

    /** A contact's available presence advertised {@code hash}: fetches its vcard-temp again if we are behind. */
    void advertised(String bare, String hash) {
        Optional<CachedContact> cached = cache.get(bare);
        if (cached.isEmpty() || cached.get().get(TelKind.VCARD_TEMP).isEmpty()
                || cached.get().photo().equals(Optional.of(hash)) || loader.pending(bare, TelKind.VCARD_TEMP)) {
            return; // not fetched yet (a fetch is coming), in step, or already being fetched
        }
        LOG.debug("{} advertises another vCard photo: fetching its vcard-temp again", bare);
        triggered.put(bare, hash);
        loader.request(bare, TelKind.VCARD_TEMP);
    }

    /**
     * A contact's vcard-temp arrived: records the hash we are now in step with, the advertised one if that
     * fetch was ours, else the hash of the photo the vCard holds.
     */
    void fetched(String jid, Optional<String> photoHash) {
        String advertised = triggered.remove(jid);
        cache.photo(jid, advertised != null ? Optional.of(advertised) : photoHash);
    }

    /** The contact's vcard-temp fetch failed, or the contact is gone: a later presence may trigger again. */
    void forget(String jid) {
        triggered.remove(jid);
    }

    /** The connection is gone, and with it every request in flight. */
    void clear() {
        triggered.clear();
    }
}
