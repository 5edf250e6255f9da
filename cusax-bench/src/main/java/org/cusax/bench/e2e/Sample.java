package org.cusax.bench.e2e;

/**
 * One measurement of one scenario.
 *
 * @param scenario     {@code cusax-cold}, {@code cusax-warm}, {@code raw-pipelined} or {@code serial}
 * @param contacts     roster size
 * @param rttMillis    round-trip time added by the relay
 * @param repetition   1-based
 * @param millis       connection start → every contact's numbers known (serial: extrapolated when marked)
 * @param firstMillis  connection start → first number known (cusax); the raw floors: first vcard-temp answer
 *                     arrived; -1 where not measured (warm start, serial)
 * @param requests     vCard requests sent
 * @param known        contacts whose number the client knew at the end (serial: of its sample)
 * @param extrapolated serial only: timed on a sample, scaled to the roster
 * @param cpuMillis    the client's CPU time in the scenario ({@link ClientCpu}, the JIT left out; serial: of its sample)
 * @param jitMillis    what the JIT compiler threads spent in the scenario (0 where /proc does not say)
 * @param rosterMillis connection start → roster received (login + roster); cusax: the roster reached the core
 *                     (warm: the cached roster, before connecting)
 * @param serverCpuMillis Prosody's CPU time over the scenario, login and logout included ({@link ServerCpu});
 *                     -1 where not read
 * @param gateHolds    cusax: how often its queued vCard requests waited for XEP-0198 acknowledgements (the ack
 *                     gate); -1 for the others
 * @param windowHolds  cusax: how often they waited for the request window; -1 for the others
 */
record Sample(String scenario, int contacts, int rttMillis, int repetition, double millis, double firstMillis,
              long requests, int known, boolean extrapolated, double cpuMillis, double rosterMillis, double jitMillis,
              double serverCpuMillis, long gateHolds, long windowHolds) {
    static final String CSV_HEADER = "scenario,contacts,rtt_ms,repetition,millis,first_number_ms,requests,known,"
            + "extrapolated,cpu_ms,roster_ms,jit_ms,server_cpu_ms,ack_gate_holds,window_holds";

    String csv() {
        return String.format(java.util.Locale.ROOT, "%s,%d,%d,%d,%.1f,%.1f,%d,%d,%b,%.1f,%.1f,%.1f,%.0f,%d,%d",
                scenario, contacts, rttMillis, repetition, millis, firstMillis, requests, known, extrapolated, cpuMillis,
                rosterMillis, jitMillis, serverCpuMillis, gateHolds, windowHolds);
    }
}
