package org.cusax.app.provisioning;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.cusax.core.account.Secret;
import org.cusax.core.discovery.WellKnownUrl;
import org.cusax.core.provisioning.ProvisioningException;
import org.cusax.core.provisioning.ProvisioningException.Kind;
import org.cusax.core.provisioning.ProvisioningFetcher;

/**
 * Wire contract v1 over {@link HttpClient}: HTTPS only, the certificate checked against the trust
 * store <em>and</em> the URL's host name (the JDK's endpoint identification), redirects never followed
 * (they would carry the password elsewhere), user id and password in a form body, never in the URL.
 */
public final class HttpsProvisioningFetcher implements ProvisioningFetcher, WellKnownUrl {
    private final HttpClient http;
    private final Duration timeout;

    public HttpsProvisioningFetcher(HttpsClients clients, Duration timeout) {
        this.http = clients.client();
        this.timeout = timeout;
    }

    @Override
    public Optional<FetchedDocument> fetch(URI url, String user, Secret password, Optional<String> version)
            throws ProvisioningException {
        requireHttps(url);
        StringBuilder form = new StringBuilder("username=").append(encode(user))
                .append("&password=").append(encode(password.reveal()));
        version.ifPresent(v -> form.append("&version=").append(encode(v)));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = send(request);
        String reason = HttpsClients.oneLine(response.body());
        switch (response.statusCode()) {
            case 200 -> {
                String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
                if (!type.startsWith("text/plain")) {
                    throw new ProvisioningException(Kind.SERVER, url + " answered with '" + type
                            + "', not a text/plain provisioning document");
                }
                return Optional.of(new FetchedDocument(url, response.body()));
            }
            case 304 -> {
                return Optional.empty();
            }
            case 401 -> throw new ProvisioningException(Kind.AUTHENTICATION, "wrong user id or password: "
                    + url.getHost() + " refused the sign-in of " + user + (reason.isEmpty() ? "" : " (" + reason + ")"));
            case 429 -> {
                Optional<Duration> after = response.headers().firstValue("Retry-After").flatMap(HttpsClients::seconds);
                throw new ProvisioningException(Kind.THROTTLED, "too many attempts: " + url.getHost()
                        + " refuses sign-ins for now" + after.map(d -> "; try again in " + d.toSeconds() + " s").orElse("")
                        + (reason.isEmpty() ? "" : " (" + reason + ")"), after, null);
            }
            default -> throw new ProvisioningException(Kind.SERVER, url.getHost() + " answered "
                    + response.statusCode() + (reason.isEmpty() ? "" : ": " + reason)
                    + (response.statusCode() / 100 == 3 ? " (redirects are not followed)" : ""));
        }
    }

    @Override
    public Optional<URI> provisioningUrl(String domain) throws IOException {
        URI url = URI.create("https://" + domain + "/.well-known/cusax-provisioning");
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "text/plain").GET().build();
        HttpResponse<String> response;
        try {
            response = send(request);
        } catch (ProvisioningException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("answered " + response.statusCode());
        }
        String line = response.body().strip().lines().findFirst().orElse("").strip();
        try {
            return line.isEmpty() ? Optional.empty() : Optional.of(URI.create(line));
        } catch (IllegalArgumentException e) {
            throw new IOException("'" + HttpsClients.oneLine(line) + "' is not a URL");
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws ProvisioningException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw HttpsClients.explain(request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException(Kind.UNREACHABLE, "interrupted while asking " + request.uri().getHost());
        }
    }

    /** Refuses anything but https:// before a byte is sent. */
    public static void requireHttps(URI url) throws ProvisioningException {
        if (url.getScheme() == null || !url.getScheme().equalsIgnoreCase("https") || url.getHost() == null) {
            throw new ProvisioningException(Kind.INSECURE_URL, "refused " + url + ": provisioning sends your "
                    + "password and is accepted over https:// only");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
