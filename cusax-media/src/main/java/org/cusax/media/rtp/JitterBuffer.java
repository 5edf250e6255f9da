package org.cusax.media.rtp;

import java.util.Optional;
import java.util.TreeMap;

/**
 * Reorders received RTP packets by sequence number (with 16-bit wrap-around) for playout one packet per
 * tick. Playout starts once {@code depth} packets are buffered. Duplicates and packets older than the
 * playout point are dropped; a missing packet is waited for while fewer than {@code depth} packets are
 * buffered behind it, then counted lost and skipped. At most {@code capacity} packets are held: beyond
 * that the oldest is dropped. A player that fell behind {@link #skip skips} packets: the playout point moves
 * on, and what arrives for the skipped part later counts as late. A new SSRC starts the buffer afresh.
 * Thread-safe.
 */
public final class JitterBuffer {
    /** What {@link #offer} did with a packet. */
    public enum Result { ACCEPTED, DUPLICATE, LATE, OVERFLOW }

    private static final long RESYNC_GAP = 3000;

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

    /** Takes a received packet. */
    public synchronized Result offer(RtpPacket packet) {
        if (packet.ssrc() != ssrc) {
            ssrc = packet.ssrc();
            packets.clear();
            playing = false;
            highest = -1;
            next = -1;
        }
        long ext = extend(packet.sequenceNumber());
        if (playing && ext < next) {
            late++;
            return Result.LATE;
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
        next = first + 1;
        return Optional.of(packets.pollFirstEntry().getValue());
    }

    /**
     * Moves the playout point {@code count} packets on without playing them (the player could not play for
     * that long). Buffered packets before the new point are dropped; those arriving for it later are
     * {@link Result#LATE}, as for any packet past its playout point. Nothing happens before playout started.
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

    /** Packets dropped because the buffer was full. */
    public synchronized long overflows() {
        return overflows;
    }
}
