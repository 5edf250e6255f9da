package org.cusax.app.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.cusax.app.api.CommandRegistry;
import org.cusax.app.api.EventEncoder;
import org.cusax.app.api.Timers;
import org.cusax.app.assembly.ClientFactory;
import org.cusax.core.client.CusaxClient;
import org.cusax.core.config.ClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's daemon: takes the account's lock, builds and starts the one session, serves the registry,
 * and publishes where (port in the lock file, token in a mode-600 file). {@link #close} stops serving,
 * then logs out (un-REGISTER, unavailable presence), removes the token and releases the lock.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final DaemonFiles files;
    private final DaemonLock lock;
    private final CusaxClient client;
    private final ScheduledExecutorService timers;
    private final DaemonServer server;
    private final int port;
    private final boolean ownsClient;
    private final boolean ownsServer;

    private Daemon(DaemonFiles files, DaemonLock lock, CusaxClient client, ScheduledExecutorService timers,
                   DaemonServer server, int port, boolean ownsClient, boolean ownsServer) {
        this.ownsClient = ownsClient;
        this.ownsServer = ownsServer;
        this.files = files;
        this.lock = lock;
        this.client = client;
        this.timers = timers;
        this.server = server;
        this.port = port;
    }

    /** Starts the daemon for {@code config}'s account, or says which process already serves it. */
    public static Daemon start(ClientConfig config, ClientFactory factory, SecureRandom random)
            throws IOException, DaemonLock.HeldElsewhere {
        return start(config, factory, random, java.util.Optional.empty());
    }

    /** The same; the {@code setting} command writes changes to {@code configFile} (the user's config) when given. */
    public static Daemon start(ClientConfig config, ClientFactory factory, SecureRandom random,
                               java.util.Optional<java.nio.file.Path> configFile)
            throws IOException, DaemonLock.HeldElsewhere {
        return open(config, null, factory, random, configFile, null);
    }

    /**
     * A server already listening, with its token and page (a daemon started signed out); {@code more} adds
     * commands to the session's registry (the sign-in commands).
     */
    public record Host(DaemonServer server, DaemonToken token, java.util.function.Consumer<CommandRegistry> more) {
    }

    /**
     * Starts the session for {@code config} on {@code host}'s server (same port, token and page sessions),
     * as {@link #start} does otherwise; {@link #close} logs out and leaves the server to its owner.
     */
    public static Daemon adopt(ClientConfig config, ClientFactory factory, SecureRandom random,
                               java.util.Optional<java.nio.file.Path> configFile, Host host)
            throws IOException, DaemonLock.HeldElsewhere {
        return open(config, null, factory, random, configFile, host);
    }

    /**
     * Serves a session that already runs (the demo's, {@code ./cusax demo}): the same API, page and state
     * files; {@link #close} stops serving and leaves the session to its owner.
     */
    public static Daemon serving(ClientConfig config, CusaxClient running, SecureRandom random)
            throws IOException, DaemonLock.HeldElsewhere {
        return open(config, running, null, random, java.util.Optional.empty(), null);
    }

    private static Daemon open(ClientConfig config, CusaxClient running, ClientFactory factory, SecureRandom random,
                               java.util.Optional<java.nio.file.Path> configFile, Host host)
            throws IOException, DaemonLock.HeldElsewhere {
        DaemonFiles files = DaemonFiles.of(config.daemon(), config.link());
        DaemonLock lock = DaemonLock.acquire(files);
        CusaxClient client = null;
        ScheduledExecutorService timers = null;
        DaemonServer server = null;
        try {
            client = running != null ? running : factory.create(config);
            timers = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "cusax-call-steps");
                t.setDaemon(true);
                return t;
            });
            CommandRegistry registry = CommandRegistry.standard(client, client.link(), Timers.on(timers), config.audio());
            new org.cusax.app.api.SettingsCommands(client, config, configFile).registerIn(registry);
            DaemonToken token;
            int port;
            if (host == null) {
                token = DaemonToken.random(random);
                server = new DaemonServer(registry, client, new EventEncoder(client.link()), token, DaemonServer.EVENT_QUEUE);
                DaemonServer served = server;
                server.serveWebClient(new org.cusax.app.web.WebClient(
                        new org.cusax.app.web.WebSessions(random, java.time.Clock.systemUTC()), token, served::port));
                port = server.start(config.daemon().port());
            } else {
                token = host.token();
                host.more().accept(registry);
                host.server().serveSession(registry, client, new EventEncoder(client.link()));
                port = host.server().port();
            }
            token.writeTo(files.token());
            lock.publish(port);
            if (running == null) {
                client.start();
            }
            LOG.info("daemon serving on 127.0.0.1:{}", port);
            return new Daemon(files, lock, client, timers, host == null ? server : host.server(), port,
                    running == null, host == null);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            if (client != null && running == null) {
                client.close();
            }
            if (timers != null) {
                timers.shutdownNow();
            }
            Files.deleteIfExists(files.token());
            lock.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public DaemonFiles files() {
        return files;
    }

    public CusaxClient client() {
        return client;
    }

    public DaemonServer server() {
        return server;
    }

    @Override
    public void close() {
        if (ownsServer) {
            server.close();
        }
        if (ownsClient) {
            client.close();
        }
        timers.shutdownNow();
        try {
            Files.deleteIfExists(files.token());
            lock.close();
        } catch (IOException e) {
            LOG.warn("daemon state files not cleaned up: {}", e.toString());
        }
    }
}
