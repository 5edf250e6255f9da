package org.cusax.sandbox.peers;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import org.cusax.sandbox.sip.SandboxSip;

/**
 * The SIP demo peers of the sandbox, living in the same process: {@code greeting} answers and plays
 * a spoken greeting, {@code busy} answers 486. Each is a sandbox user with a random password and
 * registers like any client.
 */
public final class DemoPeers implements AutoCloseable {
    public static final String GREETING_USER = "greeting";
    public static final String BUSY_USER = "busy";
    private static final Duration REGISTER_WITHIN = Duration.ofSeconds(20);

    private final GreetingPeer greeting;
    private final BusyPeer busy;

    private DemoPeers(GreetingPeer greeting, BusyPeer busy) {
        this.greeting = greeting;
        this.busy = busy;
    }

    /** Adds the peers' users to {@code sip} and starts them; returns once both are registered. */
    public static DemoPeers start(SandboxSip sip, Path workDir) throws IOException, InterruptedException {
        String greetingPassword = password();
        String busyPassword = password();
        sip.addUser(GREETING_USER, greetingPassword);
        sip.addUser(BUSY_USER, busyPassword);
        GreetingPeer g = GreetingPeer.start(sip, GREETING_USER, greetingPassword, workDir.resolve("greeting-peer"),
                GreetingPeer.DEFAULT_HANG_UP_AFTER, REGISTER_WITHIN);
        try {
            return new DemoPeers(g, BusyPeer.start(sip, BUSY_USER, busyPassword, REGISTER_WITHIN));
        } catch (RuntimeException | InterruptedException e) {
            g.close();
            throw e;
        }
    }

    private static String password() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public GreetingPeer greeting() {
        return greeting;
    }

    public BusyPeer busy() {
        return busy;
    }

    @Override
    public void close() {
        greeting.close();
        busy.close();
    }
}
