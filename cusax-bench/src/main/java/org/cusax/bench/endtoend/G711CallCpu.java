package org.cusax.bench.endtoend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.cusax.testbed.process.Command;

/**
 * CPU per G.711 call: sipp places {@code calls} concurrent PCMU calls through Kamailio to the cusax callee, each
 * streaming a tone for {@code length} while cusax plays its own back (RTP both ways). The cusax process's CPU
 * time (OS accounting) over the calls, less its idle rate measured just before, divided by the call-seconds; and
 * the packets on the namespace's loopback per call-second, which shows RTP flowing both ways.
 */
final class G711CallCpu {
    static final String BENCH = "g711-cpu";

    private G711CallCpu() {
    }

    /**
     * Packets sent on the namespace's loopback so far (every packet there: sipp, Kamailio and cusax all run on it).
     * During the calls nearly all are RTP: 50 per second per direction and call, so about 100 per call-second
     * when both sides send and 50 when only sipp does — the proof that media flowed both ways.
     */
    static long loopbackPackets(SipWorld world) {
        Command.Result r = world.host().exec("cat", "/sys/class/net/lo/statistics/tx_packets")
                .timeout(Duration.ofSeconds(10)).run();
        if (!r.ok()) {
            throw new IllegalStateException("cannot read the namespace's loopback counters: " + r.output());
        }
        return Long.parseLong(r.output().strip());
    }

    static List<Figure> run(SipWorld world, int calls, Duration length, int rep) throws Exception {
        long pid = world.cusaxPid();
        // the idle rate's window: a measurement, not a wait (5 s, or the call length if shorter)
        Duration idle = length.compareTo(Duration.ofSeconds(5)) < 0 ? length : Duration.ofSeconds(5);
        double idleStart = ProcessCpu.seconds(pid);
        long t0 = System.nanoTime();
        LockSupport.parkNanos(idle.toNanos());
        double idleRate = (ProcessCpu.seconds(pid) - idleStart) / ((System.nanoTime() - t0) / 1e9);

        long endedBefore = world.cusax().count("call-ended");
        java.nio.file.Path audio = Tones.ulaw(world.dir().resolve("sipp-tone.ulaw"), 1000, Duration.ofSeconds(10));
        long packetsStart = loopbackPackets(world);
        double cpuStart = ProcessCpu.seconds(pid);
        long start = System.nanoTime();
        SippScenario.Outcome o = SippScenario.run(world, "g711-call.xml",
                Map.of("@AUDIO@", audio.toString(), "@CALL_MS@", String.valueOf(length.toMillis())),
                world.cusaxUser(), calls, calls, calls, length.plusSeconds(60 + calls));
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = ProcessCpu.seconds(pid) - cpuStart;
        long ended = world.cusax().count("call-ended") - endedBefore;
        long packets = loopbackPackets(world) - packetsStart;
        SippScenario.check(o.exitCode() == 0 && o.ringMillis().size() == calls,
                calls + " concurrent G.711 calls should all be answered and end normally", o);
        double callSeconds = calls * length.toMillis() / 1000.0;
        double perCallSecond = Math.max(0, cpu - idleRate * elapsed) / callSeconds * 1000;
        System.err.printf("g711-cpu rep %d: %d calls x %d s: cusax CPU %.2f s in %.1f s (idle %.3f s/s) -> %.1f ms CPU "
                + "per call-second; cusax saw %d calls end%n", rep, calls, length.toSeconds(), cpu, elapsed, idleRate,
                perCallSecond, ended);
        System.err.printf("g711-cpu rep %d: %d packets on the namespace's loopback (%.0f per call-second; RTP both ways"
                + " is 100)%n", rep, packets, packets / callSeconds);
        List<Figure> out = new ArrayList<>();
        out.add(new Figure(BENCH, "cusax CPU per call-second", rep, perCallSecond, "ms", calls));
        out.add(new Figure(BENCH, "cusax CPU, whole process", rep, cpu / elapsed * 100, "% of a core", calls));
        out.add(new Figure(BENCH, "calls cusax saw end", rep, ended, "calls", ended));
        out.add(new Figure(BENCH, "packets per call-second (RTP both ways = 100)", rep, packets / callSeconds,
                "packets", packets));
        return out;
    }
}
