package org.cusax.testbed.baresip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cusax.testbed.process.FreePorts;
import org.cusax.testbed.process.PackageInstaller;
import org.cusax.testbed.process.ProcessHost;
import org.cusax.testbed.process.ServerProcess;
import org.cusax.testbed.process.Waits;

/**
 * One baresip 1.0 user agent on a {@link ProcessHost}, registered with one account, answering
 * calls automatically. It plays a WAV file (8 kHz mono; at its end baresip hangs up, so make it
 * longer than the call) and records what it decodes to {@code recordings/*-dec.wav}. Driven like a
 * user at its console: {@link #dial(String)}, {@link #sendDigits(String)}, {@link #hangUp()}.
 *
 * <p>baresip advertises and binds the address of its host's network interface and refuses
 * 127.0.0.1, so tests run it inside an {@link org.cusax.testbed.netns.IsolatedHost} with
 * {@code address} 127.0.0.2.
 */
public final class BaresipUa implements AutoCloseable {

    private static final Pattern RECEIVED_DIGIT = Pattern.compile("received event: '(.)' \\(end=1\\)");
    private static final Pattern ESTABLISHED = Pattern.compile("Call established");
    /** The console's call status, rewritten in place with carriage returns while a call lasts. */
    private static final Pattern STATUS_LINE = Pattern.compile("\\[\\d+:\\d\\d:\\d\\d] audio=[^\\r\\n]*\\r?");
    private static final Pattern SRTP_ENABLED = Pattern.compile("SRTP is Enabled");
    private static final Pattern TERMINATED = Pattern.compile("Call with \\S+ terminated");
    /** srtp before account: an account's mediaenc is looked up when the account is loaded. */
    private static final List<String> MODULES = List.of("stdio", "menu", "g711", "aufile", "sndfile", "srtp",
            "account");

    private final Path dir;
    private final BaresipAccount account;
    private final ServerProcess process;

    private BaresipUa(Path dir, BaresipAccount account, ServerProcess process) {
        this.dir = dir;
        this.account = account;
        this.process = process;
    }

    /**
     * Writes the configuration to {@code dir} and starts baresip on {@code host}, listening on
     * {@code address} (SIP over UDP at a free port, TLS on the next one), trusting
     * {@code caCertificate} for TLS; returns once the account is registered.
     */
    public static BaresipUa start(Path dir, ProcessHost host, String address, BaresipAccount account,
            Path caCertificate, Path audioSource, Duration limit) {
        PackageInstaller.ensure(PackageInstaller.BARESIP);
        int port = FreePorts.next();
        try {
            Files.createDirectories(dir.resolve("recordings"));
            String config = "# written by cusax-testbed\n"
                    + "poll_method epoll\n"
                    + "sip_listen " + address + ":" + port + "\n"
                    + "sip_cafile " + caCertificate + "\n"
                    + "module_path /usr/lib/baresip/modules\n"
                    + String.join("", MODULES.stream().map(m -> "module " + m + ".so\n").toList())
                    + "audio_source aufile," + audioSource + "\n"
                    + "snd_path " + dir.resolve("recordings") + "\n";
            Files.writeString(dir.resolve("config"), config, StandardCharsets.UTF_8);
            Path accounts = dir.resolve("accounts");
            Files.deleteIfExists(accounts);
            Files.createFile(accounts, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(accounts, account.accountsLine() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the baresip configuration in " + dir + ": " + e.getMessage(), e);
        }
        ServerProcess p = new ServerProcess("baresip-" + account.user(),
                host.command(List.of("baresip", "-f", dir.toString())), Map.of(), dir, dir.resolve("baresip.log"),
                List.of()).withStdinPipe();
        BaresipUa ua = new BaresipUa(dir, account, p);
        p.start(limit, () -> ua.log().contains("registered successfully"), ua::registrationFailure);
        return ua;
    }

    private String registrationFailure() {
        Matcher m = Pattern.compile("\\{\\d+/\\w+/v4} ([3-6]\\d\\d [^\\n]*)").matcher(log());
        return m.find() ? "registration answered " + m.group(1) : null;
    }

    public BaresipAccount account() {
        return account;
    }

    /** Calls {@code uri} (baresip's {@code /dial}). */
    public void dial(String uri) {
        process.sendLine("/dial " + uri);
    }

    /** Ends the current call ({@code /hangup}). */
    public void hangUp() {
        process.sendLine("/hangup");
    }

    /**
     * Sends {@code digits} as RFC 4733 telephone events in the current call, as keys pressed at the
     * console a quarter of a second apart (baresip sends a key's end when the next key or a pause
     * comes).
     */
    public void sendDigits(String digits) {
        for (char c : digits.toCharArray()) {
            if ("0123456789*#ABCD".indexOf(c) < 0) {
                throw new IllegalArgumentException("not a DTMF digit: " + c);
            }
            process.send(String.valueOf(c));
            sleep(250);
        }
    }

    /** Waits until {@code n} calls have been established; false if {@code limit} passes first. */
    public boolean awaitEstablished(int n, Duration limit) {
        return Waits.until(limit, () -> count(ESTABLISHED) >= n);
    }

    /** Waits until {@code n} calls have ended; false if {@code limit} passes first. */
    public boolean awaitTerminated(int n, Duration limit) {
        return Waits.until(limit, () -> count(TERMINATED) >= n);
    }

    /** Waits until the DTMF digits received so far are {@code expected}; false if {@code limit} passes first. */
    public boolean awaitDigits(String expected, Duration limit) {
        return Waits.until(limit, () -> receivedDigits().equals(expected));
    }

    /** Every DTMF digit received (RFC 4733 events with their end flag), in order, over all calls. */
    public String receivedDigits() {
        StringBuilder b = new StringBuilder();
        Matcher m = RECEIVED_DIGIT.matcher(log());
        while (m.find()) {
            b.append(m.group(1));
        }
        return b.toString();
    }

    /**
     * How many media streams baresip reported as SRTP-protected so far (its srtp module's "SRTP is
     * Enabled" line, once per stream).
     */
    public long srtpStreams() {
        return count(SRTP_ENABLED);
    }

    /** The decoded audio of each call so far ({@code *-dec.wav}), oldest first. */
    public List<Path> decodedRecordings() {
        try (Stream<Path> files = Files.list(dir.resolve("recordings"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything baresip printed so far. */
    public String log() {
        try {
            Path f = dir.resolve("baresip.log");
            return Files.exists(f) ? Files.readString(f, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of baresip's output without its call-status noise, for failure messages. */
    public String logTail(int lines) {
        String text = STATUS_LINE.matcher(log()).replaceAll("");
        return org.cusax.testbed.process.Command.tail(text.stripTrailing(), lines);
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    /** Quits baresip (it un-registers); kills it if it does not exit. */
    @Override
    public void close() {
        if (process.isRunning()) {
            try {
                process.sendLine("/quit");
                Waits.until(Duration.ofSeconds(5), () -> !process.isRunning());
            } catch (RuntimeException e) {
                // stopped below
            }
        }
        process.stop();
    }

    private long count(Pattern p) {
        return p.matcher(log()).results().count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
