package org.cusax.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reordering by RFC 3550 sequence number, duplicates, late and lost packets, wrap-around, overflow, the
 * playout point skipped on after a stall of the player (and a talkspurt that begins there, RFC 3551 §4.1), and
 * a standing excess of delay shed.
 */
class JitterBufferTest {

    private static RtpPacket packet(int seq) {
        return RtpPacket.of(false, 0, seq & 0xFFFF, 160L * seq & 0xFFFFFFFFL, 42, new byte[] {(byte) seq});
    }

    private static List<Integer> drain(JitterBuffer buffer) {
        List<Integer> out = new ArrayList<>();
        for (Optional<RtpPacket> p = buffer.poll(); p.isPresent(); p = buffer.poll()) {
            out.add(p.get().sequenceNumber());
        }
        return out;
    }

    @Test
    void shuffledPacketsComeOutInOrder() {
        JitterBuffer buffer = new JitterBuffer(50, 3);
        List<Integer> seqs = new ArrayList<>();
        for (int s = 100; s < 140; s++) {
            seqs.add(s);
        }
        Collections.shuffle(seqs, new Random(7));
        seqs.forEach(s -> assertThat(buffer.offer(packet(s))).isEqualTo(JitterBuffer.Result.ACCEPTED));
        assertThat(drain(buffer)).isEqualTo(seqs.stream().sorted().toList());
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void playoutWaitsForTheConfiguredDepth() {
        JitterBuffer buffer = new JitterBuffer(10, 3);
        buffer.offer(packet(1));
        buffer.offer(packet(2));
        assertThat(buffer.poll()).isEmpty();
        assertThat(buffer.isPlaying()).isFalse();
        buffer.offer(packet(3));
        assertThat(buffer.poll()).hasValueSatisfying(p -> assertThat(p.sequenceNumber()).isEqualTo(1));
        assertThat(buffer.isPlaying()).isTrue();
    }

    @Test
    void duplicatesAreDroppedAndCounted() {
        JitterBuffer buffer = new JitterBuffer(50, 1);
        for (int s = 1; s <= 5; s++) {
            buffer.offer(packet(s));
            assertThat(buffer.offer(packet(s))).isEqualTo(JitterBuffer.Result.DUPLICATE);
        }
        assertThat(drain(buffer)).containsExactly(1, 2, 3, 4, 5);
        assertThat(buffer.duplicates()).isEqualTo(5);
    }

    @Test
    void lostPacketIsSkippedOnceEnoughFollowAndLateArrivalIsDropped() {
        JitterBuffer buffer = new JitterBuffer(50, 3);
        for (int s : new int[] {1, 2, 3, 5}) {
            buffer.offer(packet(s));
        }
        assertThat(drain(buffer)).containsExactly(1, 2, 3);
        assertThat(buffer.poll()).as("waits for 4 while only one packet is behind it").isEmpty();
        buffer.offer(packet(6));
        buffer.offer(packet(7));
        assertThat(drain(buffer)).containsExactly(5, 6, 7);
        assertThat(buffer.lost()).isEqualTo(1);
        assertThat(buffer.offer(packet(4))).isEqualTo(JitterBuffer.Result.LATE);
        assertThat(buffer.late()).isEqualTo(1);
    }

    @Test
    void sequenceNumbersWrapAround() {
        JitterBuffer buffer = new JitterBuffer(50, 2);
        for (int s : new int[] {65534, 0, 65535, 1, 2}) {
            buffer.offer(packet(s));
        }
        assertThat(drain(buffer)).containsExactly(65534, 65535, 0, 1, 2);
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void overflowDropsTheOldest() {
        JitterBuffer buffer = new JitterBuffer(5, 2);
        for (int s = 1; s <= 5; s++) {
            buffer.offer(packet(s));
        }
        assertThat(buffer.offer(packet(6))).isEqualTo(JitterBuffer.Result.OVERFLOW);
        assertThat(buffer.size()).isEqualTo(5);
        assertThat(drain(buffer)).containsExactly(2, 3, 4, 5, 6);
        assertThat(buffer.overflows()).isEqualTo(1);
    }

    @Test
    void newSsrcStartsAfresh() {
        JitterBuffer buffer = new JitterBuffer(10, 1);
        buffer.offer(packet(500));
        assertThat(drain(buffer)).containsExactly(500);
        buffer.offer(RtpPacket.of(false, 0, 3, 0, 43, new byte[1]));
        assertThat(drain(buffer)).containsExactly(3);
        assertThat(buffer.late()).isZero();
    }

    @Test
    void rfc3550_5_1_skipDropsWhatWasDueMeanwhileAndLaterArrivalsForItAreLate() {
        JitterBuffer buffer = new JitterBuffer(50, 3);
        buffer.offer(packet(100));
        buffer.offer(packet(101));
        assertThat(buffer.skip(5)).as("before playout there is no playout point to move").isZero();
        buffer.offer(packet(102));
        buffer.offer(packet(103));
        assertThat(buffer.poll()).hasValueSatisfying(p -> assertThat(p.sequenceNumber()).isEqualTo(100));
        assertThat(buffer.skip(4)).as("101..103 buffered, 104 not yet arrived").isEqualTo(3);
        assertThat(buffer.offer(packet(104))).isEqualTo(JitterBuffer.Result.LATE);
        for (int s = 105; s <= 108; s++) {
            assertThat(buffer.offer(packet(s))).isEqualTo(JitterBuffer.Result.ACCEPTED);
        }
        assertThat(drain(buffer)).containsExactly(105, 106, 107, 108);
        assertThat(buffer.skipped()).isEqualTo(3);
        assertThat(buffer.late()).isEqualTo(1);
        assertThat(buffer.lost()).as("skipped on purpose, not lost").isZero();
    }

    private static RtpPacket talkspurtStart(int seq) {
        return RtpPacket.of(true, 0, seq & 0xFFFF, 160L * seq & 0xFFFFFFFFL, 42, new byte[] {(byte) seq});
    }

    @Test
    void rfc3551_4_1_aTalkspurtThatBeginsWhereASkipMovedThePlayoutPointIsPlayed() {
        JitterBuffer buffer = new JitterBuffer(50, 3);
        for (int s = 100; s <= 103; s++) {
            buffer.offer(packet(s));
        }
        assertThat(buffer.poll()).hasValueSatisfying(p -> assertThat(p.sequenceNumber()).isEqualTo(100));
        assertThat(buffer.skip(6)).as("101..103 buffered").isEqualTo(3);
        // the peer fell silent after 103 (silence suppression: no packets, no sequence numbers) and speaks again
        assertThat(buffer.offer(talkspurtStart(104))).isEqualTo(JitterBuffer.Result.ACCEPTED);
        for (int s = 105; s <= 108; s++) {
            assertThat(buffer.offer(packet(s))).isEqualTo(JitterBuffer.Result.ACCEPTED);
        }
        assertThat(drain(buffer)).containsExactly(104, 105, 106, 107, 108);
        assertThat(buffer.late()).isZero();
        assertThat(buffer.lost()).isZero();
        assertThat(buffer.offer(talkspurtStart(103))).as("a marked packet older than the newest received is late")
                .isEqualTo(JitterBuffer.Result.LATE);
    }

    /** Offers {@code seq} and polls once, as a 20 ms tick with one packet arriving per tick would. */
    private static int tick(JitterBuffer buffer, int seq) {
        buffer.offer(packet(seq));
        return buffer.poll().orElseThrow().sequenceNumber();
    }

    @Test
    void aBurstAfterANetworkStallLeavesAStandingExcessThatIsShedAfterOneWholeWindow() {
        int depth = 3;
        JitterBuffer buffer = new JitterBuffer(50, depth);
        int seq = 0;
        for (; seq < depth; seq++) {
            buffer.offer(packet(seq));
        }
        for (int i = 0; i < 2 * JitterBuffer.SHRINK_WINDOW; i++, seq++) { // steady: the fill stays at the depth
            tick(buffer, seq);
        }
        assertThat(buffer.shed()).isZero();
        assertThat(buffer.size()).isEqualTo(depth);
        for (int i = 0; i < 20; i++) { // 400 ms of network stall: the buffer runs dry
            buffer.poll();
        }
        assertThat(buffer.size()).isZero();
        int burst = 20;
        for (int i = 0; i < burst; i++, seq++) { // then it all comes at once
            buffer.offer(packet(seq));
        }
        // the window in which the buffer ran dry keeps what it has; the next whole window proves the excess
        int polls = 2 * JitterBuffer.SHRINK_WINDOW + depth; // polls that returned a packet so far
        int firstWholeWindowEnds = (polls / JitterBuffer.SHRINK_WINDOW + 2) * JitterBuffer.SHRINK_WINDOW;
        List<Integer> played = new ArrayList<>();
        for (; polls < firstWholeWindowEnds; polls++, seq++) {
            played.add(tick(buffer, seq));
        }
        assertThat(buffer.shed()).as("nothing shed before a whole window").isZero();
        assertThat(buffer.size()).isEqualTo(burst);
        for (int i = 0; i < 100; i++, seq++) {
            played.add(tick(buffer, seq));
        }
        assertThat(buffer.shed()).as("the fill never went below the burst: all but the depth shed")
                .isEqualTo(burst - depth);
        assertThat(buffer.size()).isEqualTo(depth);
        assertThat(buffer.lost()).isZero();
        assertThat(buffer.late()).isZero();
        assertThat(played).as("every packet played in order, but the shed ones")
                .isSorted().doesNotHaveDuplicates();
        assertThat(played.get(played.size() - 1) - played.get(0) + 1).isEqualTo(played.size() + burst - depth);
    }

    @Test
    void aFillThatDipsOnceInTheWindowIsKept() {
        int depth = 3;
        JitterBuffer buffer = new JitterBuffer(50, depth);
        int seq = 0;
        for (; seq < depth + 2; seq++) { // two packets more than the depth
            buffer.offer(packet(seq));
        }
        for (int w = 0; w < 5; w++) { // every window of polls holds one dip, wherever it starts
            for (int i = 0; i < JitterBuffer.SHRINK_WINDOW - 3; i++, seq++) {
                tick(buffer, seq);
            }
            buffer.poll(); // two packets delayed: the fill dips to the depth...
            buffer.poll();
            assertThat(buffer.size()).isEqualTo(depth);
            buffer.offer(packet(seq++));
            buffer.offer(packet(seq++)); // ...and the next tick brings three
            tick(buffer, seq++);
        }
        assertThat(buffer.shed()).isZero();
        assertThat(buffer.size()).isEqualTo(depth + 2);
    }
}
