package org.cusax.testbed.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cusax.testbed.process.Command;
import org.cusax.testbed.process.FreePorts;
import org.cusax.testbed.process.PackageInstaller;
import org.cusax.testbed.process.ServerProcess;

/**
 * sipp 3.6 ({@code sip-tester}) over UDP with the scenarios shipped in this module
 * ({@code org/cusax/testbed/sipp/*.xml}): an independent SIP implementation for tests. Every run
 * writes its messages to a file in the work directory.
 */
public final class Sipp {

    /** Scenario: REGISTER with digest (MD5 only: sipp 3.6 has no SHA-256). */
    public static final String REGISTER = "register.xml";
    /**
     * Scenario: one call whose caller the test chooses (keys from_user, from_domain, extra_header),
     * which the callee rejects with 486 or 603; see {@link #callAs}.
     */
    public static final String CALLER_ID = "caller-id.xml";
    /** Scenario: answer OPTIONS with 200 and INVITE with 180, 200 (SDP), then ACK and BYE. */
    public static final String ANSWER = "answer.xml";

    private final Path workDir;
    private final String proxyHost;
    private final int proxyUdpPort;
    private final String domain;

    /**
     * @param workDir      where scenarios and message logs go (created)
     * @param proxyHost    the proxy/registrar address
     * @param proxyUdpPort its UDP port
     * @param domain       the SIP domain of the users
     */
    public Sipp(Path workDir, String proxyHost, int proxyUdpPort, String domain) {
        PackageInstaller.ensure(PackageInstaller.SIPP);
        this.workDir = workDir;
        this.proxyHost = proxyHost;
        this.proxyUdpPort = proxyUdpPort;
        this.domain = domain;
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a shipped scenario into the work directory and returns its path. */
    public Path scenario(String name) {
        Path target = workDir.resolve(name);
        try (InputStream in = Sipp.class.getResourceAsStream("/org/cusax/testbed/sipp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped sipp scenario " + name);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Registers {@code contactPort} on 127.0.0.1 as the binding of {@code user} (sipp's digest:
     * MD5 only). Returns sipp's exit code: 0 when the registrar answered 200.
     */
    public Command.Result register(String user, String password, int contactPort, int expires) {
        int localPort = FreePorts.next();
        List<String> args = new ArrayList<>(List.of("sipp", "-sf", scenario(REGISTER).toString(),
                proxyHost + ":" + proxyUdpPort, "-t", "u1", "-i", "127.0.0.1", "-p", String.valueOf(localPort),
                "-m", "1", "-s", user, "-au", user, "-key", "domain", domain,
                "-key", "contact_port", String.valueOf(contactPort), "-key", "expires", String.valueOf(expires),
                "-nostdin", "-timeout", "15s", "-timeout_error",
                "-trace_msg", "-message_file", workDir.resolve("register-" + user + "-" + localPort + ".log").toString()));
        Command c = Command.of(args).arg("-ap").secretArg(password);
        return c.directory(workDir).timeout(Duration.ofSeconds(30)).run();
    }

    /**
     * One call with sipp's built-in {@code uac} scenario to {@code user} through the proxy, from a
     * foreign address (no authentication): INVITE, ACK, a 1 s pause, BYE. sipp ignores
     * Record-Route, so this also exercises the proxy's in-dialog fallback. Exit code 0 = the call
     * was answered and ended normally; the messages are in {@code call-USER-PORT.log}.
     */
    public Command.Result call(String user) {
        int localPort = FreePorts.next();
        return Command.of("sipp", "-sn", "uac", proxyHost + ":" + proxyUdpPort, "-t", "u1", "-i", "127.0.0.1",
                        "-p", String.valueOf(localPort), "-m", "1", "-s", user, "-d", "1000", "-nostdin",
                        "-timeout", "20s", "-timeout_error",
                        "-trace_msg", "-message_file", workDir.resolve("call-" + user + "-" + localPort + ".log").toString())
                .directory(workDir).timeout(Duration.ofSeconds(40)).run();
    }

    /**
     * One call with {@link #CALLER_ID} to {@code user} through the proxy, without authentication, from
     * {@code sip:fromUser@fromDomain;user=phone}, the INVITE carrying {@code extraHeader} (one whole header
     * line, e.g. {@code Call-Info: <xmpp:bob@example.com>;purpose=impp}; empty = none). The callee must
     * reject it (486 or 603): exit code 0 then; the messages are in {@code caller-id-USER-PORT.log}.
     * Runs in the calling thread for at most 40 s.
     */
    public Command.Result callAs(String user, String fromUser, String fromDomain, String extraHeader) {
        int localPort = FreePorts.next();
        String header = extraHeader == null || extraHeader.isBlank() ? "X-Cusax-Test: none" : extraHeader.strip();
        return Command.of("sipp", "-sf", scenario(CALLER_ID).toString(), proxyHost + ":" + proxyUdpPort,
                        "-t", "u1", "-i", "127.0.0.1", "-p", String.valueOf(localPort), "-m", "1", "-s", user,
                        "-key", "from_user", fromUser, "-key", "from_domain", fromDomain,
                        "-key", "extra_header", header, "-nostdin", "-timeout", "30s", "-timeout_error",
                        "-trace_msg", "-message_file",
                        workDir.resolve("caller-id-" + user + "-" + localPort + ".log").toString())
                .directory(workDir).timeout(Duration.ofSeconds(40)).run();
    }

    /**
     * Starts a UA on 127.0.0.1 at a free UDP port that answers OPTIONS and INVITEs for
     * {@code user}; register its address with {@link SippUa#contact()}. Stop it with close().
     */
    public SippUa answeringUa(String user) {
        int port = FreePorts.next();
        Path messages = workDir.resolve("answer-" + user + "-" + port + ".log");
        ServerProcess p = new ServerProcess("sipp-" + user,
                List.of("sipp", "-sf", scenario(ANSWER).toString(), "-t", "u1", "-i", "127.0.0.1",
                        "-p", String.valueOf(port), "-s", user, "-nostdin", "-f", "60",
                        "-trace_msg", "-message_file", messages.toString()),
                Map.of(), workDir, workDir.resolve("answer-" + user + "-" + port + ".out"), List.of(messages));
        p.start(Duration.ofSeconds(10), () -> udpTaken(port));
        return new SippUa(p, user, port, messages);
    }

    private static boolean udpTaken(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return s.getLocalPort() != port;
        } catch (BindException e) {
            return true;
        } catch (SocketException e) {
            return false;
        }
    }
}
