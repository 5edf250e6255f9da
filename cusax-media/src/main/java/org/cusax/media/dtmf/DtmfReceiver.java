package org.cusax.media.dtmf;

import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Reports each received key press once. An event is identified by its RTP timestamp (RFC 4733 §2.5.2.1):
 * the first packet seen for a new timestamp reports the digit (so a lost marker or lost end packets do not
 * lose the digit); updates, the repeated end packets and late duplicates of recent events are ignored. A
 * new timestamp without marker that continues an unfinished event of the same code is a long-event
 * segment (§2.5.1.3), not a new press. Thread-safe.
 */
public final class DtmfReceiver {
    private static final int REMEMBERED = 32;

    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private long ssrc = -1;
    private int lastEvent = -1;
    private boolean lastEnded = true;

    /**
     * Takes one telephone-event packet.
     *
     * @return the digit if this packet starts a new key press, else empty
     */
    public synchronized Optional<Character> accept(long packetSsrc, long timestamp, boolean marker, DtmfEvent event) {
        if (packetSsrc != ssrc) {
            ssrc = packetSsrc;
            recent.clear();
            lastEvent = -1;
            lastEnded = true;
        }
        if (recent.contains(timestamp)) {
            if (event.event() == lastEvent && timestamp == recent.peekLast()) {
                lastEnded |= event.end();
            }
            return Optional.empty();
        }
        boolean continuation = !marker && !lastEnded && event.event() == lastEvent;
        remember(timestamp);
        lastEvent = event.event();
        lastEnded = event.end();
        if (continuation || !event.isDigit()) {
            return Optional.empty();
        }
        return Optional.of(event.digit());
    }

    private void remember(long timestamp) {
        if (recent.size() == REMEMBERED) {
            recent.removeFirst();
        }
        recent.addLast(timestamp);
    }
}
