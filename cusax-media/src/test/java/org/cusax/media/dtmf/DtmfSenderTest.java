package org.cusax.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 4733 §2.5.1: the sender's packet sequence for each digit. */
class DtmfSenderTest {

    /** Runs the sender for {@code ticks} ticks of 160 timestamp units; empty slots are audio. */
    static List<Optional<DtmfSender.Packet>> run(DtmfSender sender, int ticks) {
        List<Optional<DtmfSender.Packet>> out = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            out.add(sender.next(1000L + 160L * i));
        }
        return out;
    }

    @Test
    void oneDigitIsMarkerStartUpdatesAndThreeEndPackets() {
        DtmfSender sender = DtmfSender.standard(8000);
        sender.send("5");
        List<Optional<DtmfSender.Packet>> steps = run(sender, 12);
        List<DtmfSender.Packet> packets = steps.stream().flatMap(Optional::stream).toList();
        assertThat(packets).hasSize(7);
        assertThat(steps.subList(0, 7)).allMatch(Optional::isPresent);
        assertThat(steps.subList(7, 12)).allMatch(Optional::isEmpty);
        assertThat(packets).allMatch(p -> p.timestamp() == 1000L && p.event().event() == 5
                && p.event().volume() == DtmfSender.VOLUME);
        assertThat(packets.stream().map(DtmfSender.Packet::marker)).containsExactly(true, false, false, false, false,
                false, false);
        assertThat(packets.stream().map(p -> p.event().duration())).containsExactly(160, 320, 480, 640, 800, 800, 800);
        assertThat(packets.stream().map(p -> p.event().end())).containsExactly(false, false, false, false, true, true,
                true);
        assertThat(sender.isBusy()).isFalse();
    }

    @Test
    void digitsAreSeparatedByAPauseAndHaveTheirOwnTimestamps() {
        DtmfSender sender = DtmfSender.standard(8000);
        sender.send("12");
        List<Optional<DtmfSender.Packet>> steps = run(sender, 30);
        assertThat(steps.get(7)).isEmpty();
        assertThat(steps.get(9)).isEmpty();
        assertThat(steps.get(10)).hasValueSatisfying(p -> {
            assertThat(p.marker()).isTrue();
            assertThat(p.event().digit()).isEqualTo('2');
            assertThat(p.timestamp()).isEqualTo(1000L + 160L * 10);
        });
        assertThat(steps.stream().flatMap(Optional::stream).count()).isEqualTo(14);
    }

    @Test
    void durationsFollowTheEventClock() {
        DtmfSender sender = DtmfSender.standard(48_000);
        sender.send("#");
        List<DtmfSender.Packet> packets = run(sender, 7).stream().flatMap(Optional::stream).toList();
        assertThat(packets.get(0).event().duration()).isEqualTo(960);
        assertThat(packets.get(6).event().duration()).isEqualTo(4800);
    }

    @Test
    void aBadDigitRejectsTheWholeString() {
        DtmfSender sender = DtmfSender.standard(8000);
        assertThatThrownBy(() -> sender.send("12x")).hasMessageContaining("'x'");
        assertThat(sender.isBusy()).isFalse();
        assertThatThrownBy(() -> new DtmfSender(8000, 30, 0)).hasMessageContaining("20 ms");
    }
}
