package org.cusax.provisioning.server;

import java.util.Map;

/** What the endpoint answers: status, body ({@code text/plain; charset=utf-8}) and extra headers. */
public record ProvisioningResponse(int status, String body, Map<String, String> headers) {
    static ProvisioningResponse error(int status, String reason) {
        return new ProvisioningResponse(status, reason + "\n", Map.of());
    }
}
