package org.cusax.bench.endtoend;

/**
 * One measured value of one repetition.
 *
 * @param bench   which benchmark ({@code invite-180}, {@code heap}, {@code g711-cpu}, {@code chat-rate})
 * @param subject what was measured within it (e.g. {@code cusax p50}, {@code baresip p95})
 * @param rep     repetition, from 1
 * @param value   the number
 * @param unit    its unit
 * @param count   how many things it was taken over (calls answered, contacts loaded, messages received)
 */
public record Figure(String bench, String subject, int rep, double value, String unit, long count) {
}
