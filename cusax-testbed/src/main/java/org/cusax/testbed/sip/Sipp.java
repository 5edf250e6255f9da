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
import org.cusax.testbed.process.ProcessHost;
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
    /**
     * Scenario: answer INVITE with 200 (SDP) and send the 180 only after the ACK, as when a proxy's workers
     * reorder the replies; see {@link #lateRingingUa}.
     */
    public static final String ANSWER_LATE_RINGING = "answer-late-ringing.xml";
    /** Scenario: one call, INVITE, ACK, a pause of {@code -d} ms, BYE; see {@link #call}. */
    public static final String CALL = "call.xml";
    /** Scenario: like ANSWER with telephone-event in the SDP; run with -rtp_echo (see {@link #echoingUa}). */
    public static final String ANSWER_ECHO = "answer-echo.xml";
    /** Scenario template: a call with media actions (see {@link #callWithMedia}). */
    public static final String CALL_MEDIA = "call-media.xml";
    /** Where sip-tester keeps its RFC 4733 DTMF pcaps ({@code dtmf_2833_<digit>.pcap}). */
    public static final Path DTMF_PCAPS = Path.of("/usr/share/sip-tester");
    /**
     * Ports sipp takes from its {@code -mp}: audio RTP there and video RTP two above (it exits if either is
     * taken), RTCP in between and above: four consecutive free ports, {@link FreePorts#block}.
     */
    public static final int MEDIA_PORTS = 4;

    private final Path workDir;
    private final String proxyHost;
    private final int proxyUdpPort;
    private final String domain;
    private final ProcessHost host;

    /**
     * @param workDir      where scenarios and message logs go (created)
     * @param proxyHost    the proxy/registrar address
     * @param proxyUdpPort its UDP port
     * @param domain       the SIP domain of the users
     */
    public Sipp(Path workDir, String proxyHost, int proxyUdpPort, String domain) {
        this(workDir, proxyHost, proxyUdpPort, domain, ProcessHost.LOCAL);
    }

    /** Like the other constructor, with sipp running on {@code host} (e.g. an isolated namespace). */
    public Sipp(Path workDir, String proxyHost, int proxyUdpPort, String domain, ProcessHost host) {
        PackageInstaller.ensure(PackageInstaller.SIPP);
        this.host = host;
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
        Command c = Command.of(host.command(args)).arg("-ap").secretArg(password);
        return c.directory(workDir).timeout(Duration.ofSeconds(30)).run();
    }

    /**
     * One call with {@link #CALL} to {@code user} through the proxy, from a foreign address (no
     * authentication): INVITE, ACK, a 1 s pause, BYE. Like sipp's built-in {@code uac} it ignores
     * Record-Route, so this also exercises the proxy's in-dialog fallback; unlike it, a 180 that the
     * proxy relays after the 200 is ignored rather than ending the call as unexpected. Exit code 0 =
     * the call was answered and ended normally; the messages are in {@code call-USER-PORT.log}.
     */
    public Command.Result call(String user) {
        int localPort = FreePorts.next();
        return Command.of(host.command(List.of("sipp", "-sf", scenario(CALL).toString(), proxyHost + ":" + proxyUdpPort,
                        "-t", "u1", "-i", "127.0.0.1", "-p", String.valueOf(localPort), "-m", "1", "-s", user,
                        "-d", "1000", "-nostdin", "-timeout", "20s", "-timeout_error", "-trace_msg", "-message_file",
                        workDir.resolve("call-" + user + "-" + localPort + ".log").toString())))
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
        return answering(ANSWER, "answer", user);
    }

    /**
     * Starts a UA on 127.0.0.1 at a free UDP port that answers every INVITE for {@code user} with 200
     * and sends its 180 only after the ACK ({@link #ANSWER_LATE_RINGING}): a caller's view of a proxy
     * whose workers reorder the replies, made deterministic. Call it directly (not through a proxy).
     */
    public SippUa lateRingingUa(String user) {
        return answering(ANSWER_LATE_RINGING, "late-ringing", user);
    }

    private SippUa answering(String scenarioName, String label, String user) {
        int port = FreePorts.next();
        Path messages = workDir.resolve(label + "-" + user + "-" + port + ".log");
        ServerProcess p = new ServerProcess("sipp-" + label + "-" + user,
                host.command(List.of("sipp", "-sf", scenario(scenarioName).toString(), "-t", "u1", "-i", "127.0.0.1",
                        "-p", String.valueOf(port), "-s", user, "-nostdin", "-f", "60",
                        "-trace_msg", "-message_file", messages.toString())),
                Map.of(), workDir, workDir.resolve(label + "-" + user + "-" + port + ".out"), List.of(messages));
        p.start(Duration.ofSeconds(10), () -> host == ProcessHost.LOCAL ? udpTaken(port) : host.udpBound("127.0.0.1", port));
        return new SippUa(p, user, port, messages);
    }

    /**
     * Starts a UA on 127.0.0.1 at a free UDP port that answers one call for {@code user} with PCMU
     * and telephone-event and echoes every RTP packet back to its sender ({@code -rtp_echo}):
     * what the caller sends, audio and RFC 4733 DTMF, comes back to it. Register its address with
     * {@link SippUa#contact()}; the process ends after that call (exit code 0 = normal end).
     */
    public SippUa echoingUa(String user) {
        int port = FreePorts.next();
        int mediaPort = FreePorts.block(MEDIA_PORTS);
        Path messages = workDir.resolve("echo-" + user + "-" + port + ".log");
        ServerProcess p = new ServerProcess("sipp-echo-" + user,
                host.command(List.of("sipp", "-sf", scenario(ANSWER_ECHO).toString(), "-t", "u1", "-i", "127.0.0.1",
                        "-p", String.valueOf(port), "-mi", "127.0.0.1", "-mp", String.valueOf(mediaPort),
                        "-rtp_echo", "-s", user, "-m", "1", "-nostdin", "-timeout", "120s", "-timeout_error",
                        "-trace_msg", "-message_file", messages.toString())),
                Map.of(), workDir, workDir.resolve("echo-" + user + "-" + port + ".out"), List.of(messages));
        p.start(Duration.ofSeconds(10), () -> host == ProcessHost.LOCAL ? udpTaken(port) : host.udpBound("127.0.0.1", port));
        return new SippUa(p, user, port, messages);
    }

    /**
     * One call to {@code user} through the proxy from a foreign address (no authentication) with
     * media: once answered, sipp streams {@code ulawAudio} (raw G.711 mu-law, 8 kHz) as PCMU, waits
     * {@code before}, sends {@code digits} as RFC 4733 events (sip-tester's pcaps, which must be
     * sent in ascending order of their sequence numbers: digits ascending), waits {@code after},
     * hangs up. Blocks until sipp ends; exit code 0 = answered and ended normally.
     */
    public Command.Result callWithMedia(String user, Path ulawAudio, String digits, Duration before, Duration after) {
        StringBuilder media = new StringBuilder();
        media.append("  <nop><action><exec rtp_stream=\"").append(ulawAudio).append(",1,0\"/></action></nop>\n");
        media.append("  <pause milliseconds=\"").append(before.toMillis()).append("\"/>\n");
        for (char d : digits.toCharArray()) {
            String name = switch (d) {
                case '*' -> "star";
                case '#' -> "pound";
                default -> {
                    if (d < '0' || d > '9') {
                        throw new IllegalArgumentException("not a DTMF digit: " + d);
                    }
                    yield String.valueOf(d);
                }
            };
            media.append("  <nop><action><exec play_pcap_audio=\"")
                    .append(DTMF_PCAPS.resolve("dtmf_2833_" + name + ".pcap")).append("\"/></action></nop>\n");
            media.append("  <pause milliseconds=\"500\"/>\n");
        }
        media.append("  <pause milliseconds=\"").append(after.toMillis()).append("\"/>\n");
        media.append("  <nop><action><exec rtp_stream=\"pause\"/></action></nop>\n");
        int localPort = FreePorts.next();
        Path scenarioFile = workDir.resolve("call-media-" + user + "-" + localPort + ".xml");
        try {
            String template = Files.readString(scenario(CALL_MEDIA));
            Files.writeString(scenarioFile, template.replace("@MEDIA@", media.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long limit = 60 + before.toSeconds() + after.toSeconds() + digits.length();
        return Command.of(host.command(List.of("sipp", "-sf", scenarioFile.toString(), proxyHost + ":" + proxyUdpPort,
                        "-t", "u1", "-i", "127.0.0.1", "-p", String.valueOf(localPort), "-mi", "127.0.0.1",
                        "-mp", String.valueOf(FreePorts.block(MEDIA_PORTS)), "-m", "1", "-s", user,
                        "-key", "domain", domain,
                        "-nostdin", "-timeout", limit + "s", "-timeout_error", "-trace_msg", "-message_file",
                        workDir.resolve("call-media-" + user + "-" + localPort + ".log").toString())))
                .directory(workDir).timeout(Duration.ofSeconds(limit + 30)).run();
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
