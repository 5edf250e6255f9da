package org.cusax.bench.endtoend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * INVITE → 180 Ringing through real Kamailio, sipp calling, cusax vs baresip as the callee: {@code calls} calls
 * one after the other (at most one at a time, 20 per second) to each, callees alternating which goes first per
 * repetition (after discarded warm-up calls); median and p95 of sipp's own per-call times, and their ratio cusax / baresip within the repetition.
 */
final class InviteRinging {
    static final String BENCH = "invite-180";

    private InviteRinging() {
    }

    /** Discarded calls to both callees first (JIT, first-call set-up), as many as one repetition up to 20. */
    static void warmUp(SipWorld world, int calls) throws Exception {
        int n = Math.min(calls, 20);
        for (String user : List.of(world.cusaxUser(), world.baresipUser())) {
            SippScenario.Outcome o = SippScenario.run(world, "invite-ringing.xml", Map.of(), user, n, 1, 20,
                    Duration.ofSeconds(60 + n));
            SippScenario.check(o.exitCode() == 0, "warm-up calls to " + user, o);
        }
    }

    /**
     * Calls that may end without their 180 reaching sipp: the proxy relays responses through several workers, so
     * the callee's 200 can overtake its 180, and a stateful proxy then drops the 180 (RFC 3261 §16.7 step 5; seen
     * about once in 500 calls). More than this (5 %, at least one) is a callee that does not ring: the run fails.
     */
    static int unrungAllowed(int calls) {
        return Math.max(1, calls / 20);
    }

    static List<Figure> run(SipWorld world, int calls, int rep) throws Exception {
        List<Figure> out = new ArrayList<>();
        List<String> order = rep % 2 == 1 ? List.of("cusax", "baresip") : List.of("baresip", "cusax");
        double[] p50 = new double[2];
        double[] p95 = new double[2];
        for (String callee : order) {
            String user = callee.equals("cusax") ? world.cusaxUser() : world.baresipUser();
            SippScenario.Outcome o = SippScenario.run(world, "invite-ringing.xml", Map.of(), user, calls, 1, 20,
                    Duration.ofSeconds(60 + calls));
            int unrung = calls - o.ringMillis().size();
            SippScenario.check(o.exitCode() == 0 && unrung <= unrungAllowed(calls),
                    calls + " calls to " + callee + " should end normally and ring (a proxy may drop a 180 its 200 "
                            + "overtook, at most " + unrungAllowed(calls) + "), " + o.ringMillis().size() + " rang", o);
            int i = callee.equals("cusax") ? 0 : 1;
            p50[i] = Percentiles.of(o.ringMillis(), 50);
            p95[i] = Percentiles.of(o.ringMillis(), 95);
            out.add(new Figure(BENCH, callee + " median", rep, p50[i], "ms", o.ringMillis().size()));
            out.add(new Figure(BENCH, callee + " p95", rep, p95[i], "ms", o.ringMillis().size()));
            out.add(new Figure(BENCH, callee + " calls answered before a 180 reached sipp", rep, unrung, "calls",
                    calls));
            System.err.printf("invite-180 rep %d: %s median %.2f ms, p95 %.2f ms over %d calls%n", rep, callee,
                    p50[i], p95[i], o.ringMillis().size());
        }
        out.add(new Figure(BENCH, "cusax / baresip median", rep, p50[0] / p50[1], "×", calls));
        out.add(new Figure(BENCH, "cusax / baresip p95", rep, p95[0] / p95[1], "×", calls));
        return out;
    }
}
