package org.cusax.provisioning.server;

import java.util.List;
import java.util.Map;

/**
 * One provisioning request as the endpoint sees it, independent of the HTTP library.
 *
 * @param url         the URL it was sent to (without query)
 * @param method      HTTP method
 * @param contentType the Content-Type header (may be null)
 * @param query       query parameters
 * @param form        form fields of a urlencoded body
 * @param source      the client's address
 */
public record ProvisioningRequest(String url, String method, String contentType, Map<String, List<String>> query,
        Map<String, List<String>> form, String source) {
    String form(String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    boolean hasInQuery(String name) {
        List<String> v = query.get(name);
        return v != null && v.stream().anyMatch(s -> s != null && !s.isEmpty());
    }
}
