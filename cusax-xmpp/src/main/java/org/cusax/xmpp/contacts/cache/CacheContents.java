package org.cusax.xmpp.contacts.cache;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link ContactCacheFile} held.
 *
 * @param contacts the cached contacts by JID, in file order
 * @param forms    the normalized forms stored next to their raw tels (none in a format 1 file)
 */
public record CacheContents(Map<String, CachedContact> contacts, NormalizedForms forms) {
    public CacheContents {
        contacts = contacts == null ? new LinkedHashMap<>() : contacts;
        forms = forms == null ? NormalizedForms.none() : forms;
    }

    public static CacheContents empty() {
        return new CacheContents(new LinkedHashMap<>(), NormalizedForms.none());
    }
}
