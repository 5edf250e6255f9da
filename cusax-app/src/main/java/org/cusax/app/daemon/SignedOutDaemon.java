package org.cusax.app.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import org.cusax.app.api.CommandRegistry;
import org.cusax.app.assembly.ClientFactory;
import org.cusax.app.signin.SessionStarter;
import org.cusax.app.signin.SignInCommands;
import org.cusax.app.web.WebClient;
import org.cusax.app.web.WebSessions;
import org.cusax.core.account.Account;
import org.cusax.core.config.ClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon started without a session ({@code cusax serve --sign-in}, or no config yet): the same server, token
 * (a mode-600 file in the state directory), one-time sign-in link, cookie and Origin/Host checks as a
 * configured daemon, serving only the sign-in commands. A sign-in starts the session on this very server
 * ({@link Daemon#adopt}: same port, so the page's cookie stays valid) and the account's lock and token files
 * replace the signed-out token file; a sign-out ends the session and serves the sign-in commands again.
 */
public final class SignedOutDaemon implements SessionStarter, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignedOutDaemon.class);

    private final ClientFactory factory;
    private final SecureRandom random;
    private final Path configFile;
    private final DaemonFiles files;
    private final Path tokenFile;
    private final DaemonToken token;
    private DaemonLock lock;
    private CommandRegistry signedOut;
    private SignInCommands commands;
    private DaemonServer server;
    private Daemon session;

    /**
     * @param configFile the config file a sign-in keeps (the session's {@code setting} command writes it too)
     * @param stateDir   where the signed-out token file goes ({@code daemon.state-dir})
     */
    public SignedOutDaemon(ClientFactory factory, SecureRandom random, Path configFile, Path stateDir) {
        this.factory = factory;
        this.random = random;
        this.configFile = configFile;
        this.files = files(configFile, stateDir);
        this.tokenFile = files.token();
        this.token = DaemonToken.random(random);
    }

    /**
     * The lock ({@code pid port}, held while this daemon runs, signed in or not: one {@code serve --sign-in} per
     * config file) and signed-out token files of the daemon started signed out for {@code configFile}.
     */
    public static DaemonFiles files(Path configFile, Path stateDir) {
        return new DaemonFiles(stateDir, "signed-out-" + hash(configFile.toAbsolutePath().normalize().toString()));
    }

    /**
     * Serves {@code signInCommands} on 127.0.0.1:{@code port} (0 = a free one); returns the port. Refused when
     * another daemon started signed out for the same config file runs.
     */
    public synchronized int start(SignInCommands signInCommands, int port) throws IOException, DaemonLock.HeldElsewhere {
        DaemonLock acquired = DaemonLock.acquire(files);
        commands = signInCommands;
        signedOut = new CommandRegistry();
        commands.registerIn(signedOut);
        server = new DaemonServer(signedOut, null, null, token, DaemonServer.EVENT_QUEUE);
        DaemonServer served = server;
        server.serveWebClient(new WebClient(new WebSessions(random, Clock.systemUTC()), token, served::port));
        int bound;
        try {
            bound = server.start(port);
            token.writeTo(tokenFile);
            acquired.publish(bound);
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(tokenFile);
            acquired.close();
            throw e;
        }
        lock = acquired;
        LOG.info("daemon serving on 127.0.0.1:{}, signed out", bound);
        return bound;
    }

    public DaemonServer server() {
        return server;
    }

    /** The token file while signed out (the account's token file once signed in). */
    public Path tokenFile() {
        return tokenFile;
    }

    @Override
    public synchronized void start(ClientConfig config) throws Refused {
        if (session != null) {
            throw new Refused("already signed in", null);
        }
        String account = config.link().chat().or(() -> config.link().telephony()).map(Account::address).orElse("");
        try {
            session = Daemon.adopt(config, factory, random, Optional.of(configFile),
                    new Daemon.Host(server, token, commands::registerIn));
        } catch (DaemonLock.HeldElsewhere e) {
            server.serveSession(signedOut, null, null);
            throw new Refused(account + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            server.serveSession(signedOut, null, null);
            LOG.warn("the session could not start", e);
            throw new Refused("the session could not start: " + e.getMessage(), e);
        }
        try {
            Files.deleteIfExists(tokenFile);
        } catch (IOException e) {
            LOG.warn("signed-out token file not removed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (session == null) {
            return;
        }
        session.close();
        session = null;
        server.serveSession(signedOut, null, null);
        try {
            token.writeTo(tokenFile);
        } catch (IOException e) {
            LOG.warn("signed-out token file not written: {}", e.toString());
        }
        LOG.info("signed out");
    }

    /** The running session, when signed in. */
    public synchronized Optional<Daemon> session() {
        return Optional.ofNullable(session);
    }

    @Override
    public synchronized void close() {
        if (lock == null) {
            return; // never started (or refused): the files are another daemon's
        }
        stop();
        if (server != null) {
            server.close();
        }
        try {
            Files.deleteIfExists(tokenFile);
            if (lock != null) {
                lock.close();
            }
        } catch (IOException e) {
            LOG.warn("signed-out state files not cleaned up: {}", e.toString());
        }
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
