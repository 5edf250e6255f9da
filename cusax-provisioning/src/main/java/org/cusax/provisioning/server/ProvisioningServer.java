package org.cusax.provisioning.server;

import java.net.InetSocketAddress;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * The provisioning server: Javalin on Jetty with exactly one connector, HTTPS (TLS 1.2+), on the configured
 * address and port; there is no plain-HTTP listener and no redirect. Routes the two provisioning endpoints
 * to {@link ProvisioningEndpoint}; every other method on them is 405.
 */
public final class ProvisioningServer implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProvisioningServer.class);
    private final Javalin app;
    private final int port;
    private final String host;

    private ProvisioningServer(Javalin app, String host, int port) {
        this.app = app;
        this.host = host;
        this.port = port;
    }

    /**
     * @param bindAddress address to listen on (e.g. 127.0.0.1, 0.0.0.0)
     * @param port        TCP port, 0 = a free one
     * @param publicUrl   the base URL clients use (for {@code provisioning.url}); null = from the request
     */
    public static ProvisioningServer start(String bindAddress, int port, ServerTls tls, ProvisioningEndpoint endpoint,
            String publicUrl) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.addConnector((server, httpConfig) -> httpsConnector(server, httpConfig, tls, bindAddress, port));
            // a directory outage (database down) is a temporary 503 without details, never a stack trace
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("provisioning request failed: {}", e.toString());
                answer(ctx, new ProvisioningResponse(503, "provisioning is temporarily unavailable\n",
                        java.util.Map.of("Retry-After", "30")));
            });
            for (HandlerType method : new HandlerType[] {HandlerType.POST, HandlerType.GET, HandlerType.PUT,
                HandlerType.DELETE, HandlerType.PATCH}) {
                config.routes.addHttpHandler(method, ProvisioningKeys.PATH,
                        ctx -> answer(ctx, endpoint.cusax(request(ctx, publicUrl, ProvisioningKeys.PATH))));
                config.routes.addHttpHandler(method, ProvisioningKeys.JITSI_PATH,
                        ctx -> answer(ctx, endpoint.jitsi(request(ctx, publicUrl, ProvisioningKeys.JITSI_PATH))));
            }
        });
        app.start();
        ServerConnector connector = null;
        for (org.eclipse.jetty.server.Connector c : app.jettyServer().server().getConnectors()) {
            if (!(c instanceof ServerConnector sc) || sc.getConnectionFactory(SslConnectionFactory.class) == null) {
                app.stop();
                throw new IllegalStateException("provisioning server would listen without TLS: " + c);
            }
            connector = sc;
        }
        if (connector == null) {
            app.stop();
            throw new IllegalStateException("provisioning server has no listener");
        }
        return new ProvisioningServer(app, bindAddress, connector.getLocalPort());
    }

    private static ServerConnector httpsConnector(org.eclipse.jetty.server.Server server, HttpConfiguration httpConfig,
            ServerTls tls, String bindAddress, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore());
        ssl.setKeyStorePassword(new String(tls.password()));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(httpConfig);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // the client checks the certificate against the host it wanted; the server need not refuse other names
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(bindAddress);
        connector.setPort(port);
        return connector;
    }

    private static ProvisioningRequest request(Context ctx, String publicUrl, String path) {
        boolean form = ctx.contentType() != null
                && ctx.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        String url = publicUrl != null ? publicUrl.replaceAll("/+$", "") + path : ctx.url();
        return new ProvisioningRequest(url, ctx.method().name(), ctx.contentType(), ctx.queryParamMap(),
                form ? ctx.formParamMap() : java.util.Map.of(), ctx.ip());
    }

    private static void answer(Context ctx, ProvisioningResponse response) {
        ctx.status(response.status());
        response.headers().forEach(ctx::header);
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(response.body());
    }

    /** Where it listens. */
    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        app.stop();
    }
}
