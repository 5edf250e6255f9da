package org.cusax.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.cusax.testbed.Testbed;
import org.cusax.testbed.kamailio.KamailioServer;
import org.cusax.testbed.process.Command;
import org.cusax.testbed.process.FreePorts;
import org.cusax.testbed.sip.Sipp;

/**
 * Test helper: runs one of this module's sipp UAC scenarios ({@code org/cusax/sip/sipp/*.xml}) once against
 * the testbed's Kamailio over UDP, in the background. sipp is an independent SIP implementation: what it
 * accepts, a foreign UA accepts. Its exit code is 0 when the scenario ran as written.
 */
final class SippCaller {
    private SippCaller() {
    }

    static CompletableFuture<Command.Result> call(Testbed tb, String scenario, String user, Path dir) {
        tb.sipp(); // installs sip-tester if it is missing
        Path file = dir.resolve(scenario);
        try (InputStream in = SippCaller.class.getResourceAsStream("/org/cusax/sip/sipp/" + scenario)) {
            if (in == null) {
                throw new IllegalArgumentException("no sipp scenario " + scenario);
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = FreePorts.next();
        Command c = Command.of("sipp", "-sf", file.toString(), KamailioServer.HOST + ":" + tb.kamailio().udpPort(),
                        "-t", "u1", "-i", "127.0.0.1", "-p", String.valueOf(port),
                        "-mp", String.valueOf(FreePorts.block(Sipp.MEDIA_PORTS)), "-m", "1", "-s", user, "-nostdin",
                        "-timeout", "40s", "-timeout_error", "-trace_msg",
                        "-message_file", dir.resolve(scenario + "-" + port + ".log").toString())
                .directory(dir).timeout(Duration.ofSeconds(60));
        return CompletableFuture.supplyAsync(c::run);
    }

    /** The messages sipp sent and received in its runs of {@code scenario}, for failure messages. */
    static String messages(Path dir, String scenario) {
        try (var files = Files.list(dir)) {
            StringBuilder b = new StringBuilder();
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(scenario + "-")).toList()) {
                b.append(Files.readString(p));
            }
            return b.toString();
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
