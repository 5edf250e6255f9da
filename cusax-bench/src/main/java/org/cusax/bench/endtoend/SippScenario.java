package org.cusax.bench.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cusax.testbed.kamailio.KamailioServer;
import org.cusax.testbed.process.Command;
import org.cusax.testbed.process.FreePorts;
import org.cusax.testbed.process.ProcessHost;
import org.cusax.testbed.sip.Sipp;

/**
 * One sipp run (UAC over UDP, inside the {@link SipWorld}'s namespace) of a scenario shipped with this package,
 * to one callee through Kamailio: {@code calls} calls, at most {@code concurrent} at a time. sipp's message
 * trace (its own timestamps, in microseconds) gives each call's INVITE → 180 time ({@link SippMessageLog}).
 */
final class SippScenario {
    /** What sipp reported: its exit code (0 = every call succeeded), output, and INVITE → 180 per call in ms. */
    record Outcome(int exitCode, String output, List<Double> ringMillis) {
    }

    private SippScenario() {
    }

    static Outcome run(SipWorld world, String scenario, Map<String, String> fill, String callee, int calls,
                       int concurrent, int ratePerSecond, Duration limit) throws IOException {
        KamailioServer k = world.testbed().kamailio();
        return run(world.dir(), world.host(), k.host() + ":" + k.udpPort(), world.testbed().domain(), scenario, fill,
                callee, calls, concurrent, ratePerSecond, limit);
    }

    /** Like the other, with sipp on {@code host} sending to {@code target} (host:port), To {@code callee@domain}. */
    static Outcome run(Path parent, ProcessHost host, String target, String domain, String scenario,
                       Map<String, String> fill, String callee, int calls, int concurrent, int ratePerSecond,
                       Duration limit) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("sipp-" + scenario.replace(".xml", "") + "-"
                + callee + "-" + System.nanoTime()));
        Path file = dir.resolve(scenario);
        try (InputStream in = SippScenario.class.getResourceAsStream(scenario)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario " + scenario);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : fill.entrySet()) {
                text = text.replace(e.getKey(), e.getValue());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        List<String> args = new ArrayList<>(List.of("sipp", "-sf", file.toString(), target,
                "-t", "u1", "-i", "127.0.0.1", "-p", String.valueOf(FreePorts.next()),
                "-mi", "127.0.0.1", "-mp", String.valueOf(FreePorts.block(Sipp.MEDIA_PORTS)),
                "-m", String.valueOf(calls), "-l", String.valueOf(concurrent), "-r", String.valueOf(ratePerSecond),
                "-s", callee, "-key", "domain", domain, "-recv_timeout", "15000",
                "-nostdin", "-timeout", limit.toSeconds() + "s", "-timeout_error",
                "-trace_msg", "-message_file", dir.resolve("messages.log").toString()));
        Command.Result r = Command.of(host.command(args)).directory(dir).timeout(limit.plusSeconds(30)).run();
        String log = Files.exists(dir.resolve("messages.log")) ? Files.readString(dir.resolve("messages.log")) : "";
        return new Outcome(r.exitCode(), r.output(), SippMessageLog.inviteToRinging(log));
    }

    static void check(boolean ok, String what, Outcome o) {
        if (!ok) {
            throw new UncheckedIOException(new IOException(what + "; sipp exit " + o.exitCode() + ":\n"
                    + (o.output().length() > 3000 ? o.output().substring(o.output().length() - 3000) : o.output())));
        }
    }
}
