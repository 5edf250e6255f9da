package org.cusax.provisioning.server;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.cusax.provisioning.directory.DirectoryUser;

/**
 * The provisioning wire contract v1 ({@link ProvisioningKeys}; docs/provisioning.md): checks the request's
 * form, the throttle, then the credentials, and answers the cusax document (or 304 when the client holds
 * the current version) or Jitsi's properties. Unknown user and wrong password get the same 401.
 */
public final class ProvisioningEndpoint {
    private final CredentialCheck credentials;
    private final LoginThrottle throttle;
    private final ProvisioningDocument document;
    private final JitsiDocument jitsi;
    private final AuditLog audit;

    public ProvisioningEndpoint(CredentialCheck credentials, LoginThrottle throttle, ProvisioningDocument document,
            JitsiDocument jitsi, AuditLog audit) {
        this.credentials = credentials;
        this.throttle = throttle;
        this.document = document;
        this.jitsi = jitsi;
        this.audit = audit;
    }

    /** The cusax endpoint, {@link ProvisioningKeys#PATH}. */
    public ProvisioningResponse cusax(ProvisioningRequest request) {
        return handle("cusax", request, (user, typed) -> {
            String version = document.version(user);
            if (version.equals(request.form(ProvisioningKeys.VERSION))) {
                return new ProvisioningResponse(304, "", Map.of(ProvisioningKeys.VERSION_HEADER, version));
            }
            return new ProvisioningResponse(200, document.write(user, request.url()),
                    Map.of(ProvisioningKeys.VERSION_HEADER, version));
        });
    }

    /** Jitsi Desktop's endpoint, {@link ProvisioningKeys#JITSI_PATH}. */
    public ProvisioningResponse jitsi(ProvisioningRequest request) {
        return handle("jitsi", request, (user, typed) -> new ProvisioningResponse(200, jitsi.write(user, typed), Map.of()));
    }

    private interface Answer {
        ProvisioningResponse of(DirectoryUser user, char[] typedPassword);
    }

    private ProvisioningResponse handle(String endpoint, ProvisioningRequest request, Answer answer) {
        String typedUser = request.form(ProvisioningKeys.USERNAME);
        if (!"POST".equals(request.method())) {
            audit.record(endpoint, typedUser, request.source(), "refused-method");
            return new ProvisioningResponse(405, "use POST with a form body\n", Map.of("Allow", "POST"));
        }
        if (request.hasInQuery(ProvisioningKeys.PASSWORD) || request.hasInQuery(ProvisioningKeys.USERNAME)) {
            audit.record(endpoint, null, request.source(), "refused-credentials-in-url");
            return ProvisioningResponse.error(400, "credentials belong in the POST body, never in the URL");
        }
        String type = request.contentType() == null ? "" : request.contentType();
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            audit.record(endpoint, typedUser, request.source(), "malformed");
            return ProvisioningResponse.error(400, "expected Content-Type application/x-www-form-urlencoded");
        }
        String password = request.form(ProvisioningKeys.PASSWORD);
        if (typedUser == null || typedUser.isBlank() || password == null || password.isEmpty()
                || typedUser.length() > 320 || password.length() > 1024) {
            audit.record(endpoint, typedUser, request.source(), "malformed");
            return ProvisioningResponse.error(400, "username and password form fields are required");
        }
        String subject = credentials.subject(typedUser);
        Duration wait = throttle.blocked(subject, request.source());
        if (!wait.isZero()) {
            audit.record(endpoint, typedUser, request.source(), "throttled");
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            return new ProvisioningResponse(429, "too many failed sign-ins: try again in " + seconds + " s\n",
                    Map.of("Retry-After", Long.toString(seconds)));
        }
        char[] typed = password.toCharArray();
        try {
            Optional<DirectoryUser> user = credentials.check(typedUser, typed);
            if (user.isEmpty()) {
                throttle.failure(subject, request.source());
                audit.record(endpoint, typedUser, request.source(), "rejected");
                return ProvisioningResponse.error(401, "wrong user id or password");
            }
            throttle.success(subject);
            audit.record(endpoint, typedUser, request.source(), "provisioned");
            return answer.of(user.get(), typed);
        } finally {
            Arrays.fill(typed, '\0');
        }
    }
}
