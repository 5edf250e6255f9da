package org.cusax.bench.endtoend;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sipp's own message trace ({@code -trace_msg}): every message sent and received, each after a line of dashes
 * with sipp's timestamp in microseconds. From it, per Call-ID, the time from sending the (first) INVITE to
 * receiving the first 180 — sipp's {@code -trace_rtt} only has whole milliseconds, too coarse on loopback.
 */
final class SippMessageLog {
    private static final Pattern BLOCK = Pattern.compile(
            "^-{20,} (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6})\\R(\\w+) message (sent|received)[^\\n]*\\R\\R?([^\\r\\n]*)",
            Pattern.MULTILINE);
    private static final Pattern CALL_ID = Pattern.compile("^(?:Call-ID|i):\\s*(\\S+)", Pattern.MULTILINE
            | Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private SippMessageLog() {
    }

    /** INVITE sent → 180 received, in milliseconds, one value per call that rang, in call order. */
    static List<Double> inviteToRinging(String log) {
        Map<String, LocalDateTime> invites = new LinkedHashMap<>();
        Map<String, Double> ringing = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(log);
        List<int[]> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
        }
        m.reset();
        int i = 0;
        while (m.find()) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : log.length();
            String body = log.substring(m.end(), end);
            i++;
            Matcher id = CALL_ID.matcher(body);
            if (!id.find()) {
                continue;
            }
            String callId = id.group(1);
            LocalDateTime t = LocalDateTime.parse(m.group(1), TIME);
            String firstLine = m.group(4);
            if (m.group(3).equals("sent") && firstLine.startsWith("INVITE ")) {
                invites.putIfAbsent(callId, t);
            } else if (m.group(3).equals("received") && firstLine.startsWith("SIP/2.0 180")
                    && invites.containsKey(callId) && !ringing.containsKey(callId)) {
                ringing.put(callId, ChronoUnit.MICROS.between(invites.get(callId), t) / 1000.0);
            }
        }
        return new ArrayList<>(ringing.values());
    }
}
