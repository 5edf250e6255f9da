package org.cusax.bench.endtoend;

/**
 * The verdict column. Issue 13 sets no number for these four benchmarks; the bars below are this module's
 * (README, "End-to-end: calls, heap, CPU, chat"), and a missed one is said plainly.
 */
final class Goals {
    /** cusax should ring no slower than baresip, a C user agent, with some slack for the JVM. */
    static final double RING_RATIO = 1.5;
    /** A G.711 call (20 ms packets both ways, 50 packets/s each way) should cost under 5 % of a core. */
    static final double CPU_MS_PER_CALL_SECOND = 50;
    /** A contact (roster entry, numbers, index keys, cached vCard data) should cost under 4 KiB of heap. */
    static final double BYTES_PER_CONTACT = 4096;
    /** A caller lookup in 100,000 contacts should cost what it costs in 1,000 (O(1)), within noise. */
    static final double LOOKUP_RATIO = 1.5;
    /** The daemon should pass on at least 100 messages per second. */
    static final double MESSAGES_PER_SECOND = 100;

    private Goals() {
    }

    static String verdict(String bench, String subject, Spread s) {
        if (s.n() == 0 || Double.isNaN(s.median())) {
            return "";
        }
        return switch (bench + ":" + subject) {
            case InviteRinging.BENCH + ":cusax / baresip median" -> mark(s.median() <= RING_RATIO,
                    "≤ " + RING_RATIO + "× baresip");
            case G711CallCpu.BENCH + ":cusax CPU per call-second" -> mark(s.median() <= CPU_MS_PER_CALL_SECOND,
                    "≤ " + (int) CPU_MS_PER_CALL_SECOND + " ms");
            case HeapPerContact.BENCH + ":bytes per contact" -> mark(s.median() <= BYTES_PER_CONTACT,
                    "≤ " + (int) BYTES_PER_CONTACT + " B");
            case DaemonChatRate.BENCH + ":messages per second" -> mark(s.median() >= MESSAGES_PER_SECOND,
                    "≥ " + (int) MESSAGES_PER_SECOND + "/s");
            case CallerLookup.BENCH + ":100,000 / 1,000 contacts" -> mark(s.median() <= LOOKUP_RATIO,
                    "≤ " + LOOKUP_RATIO + "× (O(1))");
            default -> "";
        };
    }

    private static String mark(boolean met, String goal) {
        return goal + ": " + (met ? "met" : "**MISSED**");
    }
}
