package org.cusax.media.rtp;

import java.util.Optional;
import java.util.TreeMap;

/**
 * Reorders received RTP packets by sequence number (with 16-bit wrap-around) for playout one packet per
 * tick. Playout starts once {@code depth} packets are buffered. Duplicates and packets older than the
 * playout point are dropped; a missing packet is waited for while fewer than {@code depth} packets are
 * buffered behind it, then counted lost and skipped. At most {@code capacity} packets are held: beyond
 * that the oldest is dropped. A player that fell behind {@link #skip skips} packets: the playout point moves
 * on, and what arrives for the skipped part later counts as late, unless the peer was silent meanwhile (below).
 * <p>
 * The delay does not only grow: a burst after a network stall, or a peer whose clock runs a little fast,
 * leaves more packets queued than {@code depth} needs, and each of them is 20 ms more mouth-to-ear delay for
 * the rest of the call. When, over a whole {@link #SHRINK_WINDOW window} of polls, the buffer never held fewer
 * than {@code depth + 1} packets after a poll, that standing excess is not absorbing jitter: the following polls
 * {@link #shed() shed} it, one packet per poll (each drops the oldest packet and plays the one after it), down
 * to {@code depth}. A buffer that ran low even once in the window keeps what it has.
 * A new SSRC starts the buffer afresh. Thread-safe.
 */
public final class JitterBuffer {
    /** What {@link #offer} did with a packet. */
    public enum Result { ACCEPTED, DUPLICATE, LATE, OVERFLOW }

    private static final long RESYNC_GAP = 3000;
    /** Polls over which the lowest fill is watched before a standing excess is shed (3 s of 20 ms packets). */
    static final int SHRINK_WINDOW = 150;

    private final int capacity;
    private final int depth;
    private final TreeMap<Long, RtpPacket> packets = new TreeMap<>();
    private long ssrc = -1;
    private long highest = -1;
    private long next = -1;
    private boolean playing;
    private long lost;
    private long late;
    private long duplicates;
    private long overflows;
    private long skipped;
    private long shed;
    private int windowPolls;
    private int windowLowest = Integer.MAX_VALUE;
    private int toShed;

    /**
     * @param capacity most packets held, at least {@code depth}
     * @param depth packets buffered before playout starts, and before a gap is given up, at least 1
     */
    public JitterBuffer(int capacity, int depth) {
        if (depth < 1 || capacity < depth || capacity > 10_000) {
            throw new IllegalArgumentException("need 1 <= depth <= capacity <= 10000, got depth " + depth
                    + ", capacity " + capacity);
        }
        this.capacity = capacity;
        this.depth = depth;
    }

    /**
     * Takes a received packet. One that arrives behind the playout point is late, unless it is newer than every
     * packet received and starts a talkspurt (marker bit, RFC 3551 §4.1): the playout point passed it only
     * because a {@link #skip} moved it on while the peer was silent (silence suppression sends no packets, so
     * uses no sequence numbers), and playout resumes from it rather than dropping the peer's next words.
     */
    public synchronized Result offer(RtpPacket packet) {
        if (packet.ssrc() != ssrc) {
            ssrc = packet.ssrc();
            packets.clear();
            playing = false;
            highest = -1;
            next = -1;
            restartWindow();
            toShed = 0;
        }
        long ext = extend(packet.sequenceNumber());
        if (playing && ext < next) {
            if (!(packet.marker() && ext > highest)) {
                late++;
                return Result.LATE;
            }
            next = ext;
        }
        if (packets.containsKey(ext)) {
            duplicates++;
            return Result.DUPLICATE;
        }
        packets.put(ext, packet);
        highest = Math.max(highest, ext);
        if (packets.size() > capacity) {
            long dropped = packets.pollFirstEntry().getKey();
            overflows++;
            if (playing && dropped >= next) {
                lost += packets.firstKey() - next - 1;
                next = packets.firstKey();
            }
            return Result.OVERFLOW;
        }
        return Result.ACCEPTED;
    }

    /** The next packet to play, or empty when playout has not started, the buffer ran dry or waits for a gap. */
    public synchronized Optional<RtpPacket> poll() {
        if (!playing) {
            if (packets.size() < depth) {
                return Optional.empty();
            }
            playing = true;
            next = packets.firstKey();
        }
        if (packets.isEmpty()) {
            return Optional.empty();
        }
        long first = packets.firstKey();
        if (first != next) {
            if (packets.size() < depth) {
                return Optional.empty();
            }
            if (first - next < RESYNC_GAP) {
                lost += first - next;
            }
        }
        if (toShed > 0 && packets.size() <= depth) {
            toShed = 0; // the excess went by itself
        } else if (toShed > 0) {
            packets.pollFirstEntry();
            toShed--;
            shed++;
            first = packets.firstKey();
        }
        next = first + 1;
        RtpPacket played = packets.pollFirstEntry().getValue();
        watchFill();
        return Optional.of(played);
    }

    /** After a packet is played: the window's lowest fill, and at the window's end what it leaves to shed. */
    private void watchFill() {
        windowLowest = Math.min(windowLowest, packets.size());
        if (++windowPolls < SHRINK_WINDOW) {
            return;
        }
        if (windowLowest > depth) {
            toShed = windowLowest - depth;
        }
        restartWindow();
    }

    private void restartWindow() {
        windowPolls = 0;
        windowLowest = Integer.MAX_VALUE;
    }

    /**
     * Moves the playout point {@code count} packets on without playing them (the player could not play for
     * that long). Buffered packets before the new point are dropped; those arriving for it later are
     * {@link Result#LATE}, as for any packet past its playout point, except a talkspurt's first packet (see
     * {@link #offer}). Nothing happens before playout started.
     *
     * @return the buffered packets dropped
     */
    public synchronized int skip(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("cannot skip backwards: " + count);
        }
        if (!playing || count == 0) {
            return 0;
        }
        next += count;
        int dropped = 0;
        while (!packets.isEmpty() && packets.firstKey() < next) {
            packets.pollFirstEntry();
            dropped++;
        }
        skipped += dropped;
        return dropped;
    }

    private long extend(int seq) {
        if (highest < 0) {
            return 0x10000L + seq;
        }
        long candidate = (highest & ~0xFFFFL) | seq;
        if (candidate - highest > 0x8000) {
            candidate -= 0x10000;
        } else if (highest - candidate > 0x8000) {
            candidate += 0x10000;
        }
        return candidate;
    }

    /** True once playout has started. */
    public synchronized boolean isPlaying() {
        return playing;
    }

    public synchronized int size() {
        return packets.size();
    }

    /** Packets given up as lost (gaps skipped at playout). */
    public synchronized long lost() {
        return lost;
    }

    /** Packets that arrived after their playout point. */
    public synchronized long late() {
        return late;
    }

    public synchronized long duplicates() {
        return duplicates;
    }

    /** Buffered packets dropped unplayed by {@link #skip}. */
    public synchronized long skipped() {
        return skipped;
    }

    /** Packets dropped unplayed to cut a standing excess of delay (see the class comment). */
    public synchronized long shed() {
        return shed;
    }

    /** Packets dropped because the buffer was full. */
    public synchronized long overflows() {
        return overflows;
    }
}
