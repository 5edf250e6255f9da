package org.cusax.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 4733 §2.5.2: each key press reported once, whatever the network does to the packets. */
class DtmfReceiverTest {
    private static final long SSRC = 0x1234;

    private static List<DtmfSender.Packet> packets(String digits) {
        DtmfSender sender = DtmfSender.standard(8000);
        sender.send(digits);
        return DtmfSenderTest.run(sender, digits.length() * 10).stream().flatMap(Optional::stream).toList();
    }

    private static String feed(DtmfReceiver receiver, List<DtmfSender.Packet> packets) {
        StringBuilder out = new StringBuilder();
        for (DtmfSender.Packet p : packets) {
            receiver.accept(SSRC, p.timestamp(), p.marker(), p.event()).ifPresent(out::append);
        }
        return out.toString();
    }

    @Test
    void eachDigitIsReportedOnceInOrder() {
        assertThat(feed(new DtmfReceiver(), packets("1234#"))).isEqualTo("1234#");
    }

    @Test
    void repeatedDigitsAreSeparatePresses() {
        assertThat(feed(new DtmfReceiver(), packets("1155"))).isEqualTo("1155");
    }

    @Test
    void duplicatedPacketsDoNotRepeatADigit() {
        List<DtmfSender.Packet> doubled = new ArrayList<>();
        for (DtmfSender.Packet p : packets("90")) {
            doubled.add(p);
            doubled.add(p);
        }
        assertThat(feed(new DtmfReceiver(), doubled)).isEqualTo("90");
    }

    @Test
    void lostMarkerPacketStillReportsTheDigit() {
        List<DtmfSender.Packet> all = packets("7");
        assertThat(feed(new DtmfReceiver(), all.subList(1, all.size()))).isEqualTo("7");
        assertThat(feed(new DtmfReceiver(), all.subList(4, all.size()))).isEqualTo("7");
    }

    @Test
    void reorderingWithinAndAcrossRecentEventsIsTolerated() {
        List<DtmfSender.Packet> all = new ArrayList<>(packets("*#"));
        List<DtmfSender.Packet> late = List.of(all.get(2), all.get(0));
        Collections.shuffle(all.subList(1, 7), new Random(4));
        all.addAll(late);
        assertThat(feed(new DtmfReceiver(), all)).isEqualTo("*#");
    }

    @Test
    void longEventSegmentsAreOnePress() {
        DtmfReceiver r = new DtmfReceiver();
        assertThat(r.accept(SSRC, 100, true, new DtmfEvent(3, false, 10, 65_535))).contains('3');
        assertThat(r.accept(SSRC, 65_635, false, new DtmfEvent(3, false, 10, 800))).isEmpty();
        assertThat(r.accept(SSRC, 65_635, false, new DtmfEvent(3, true, 10, 1600))).isEmpty();
        assertThat(r.accept(SSRC, 70_000, true, new DtmfEvent(3, false, 10, 160))).contains('3');
    }

    @Test
    void nonDigitEventsAreNotReportedAndNewSsrcStartsAfresh() {
        DtmfReceiver r = new DtmfReceiver();
        assertThat(r.accept(SSRC, 100, true, new DtmfEvent(16, true, 10, 800))).isEmpty();
        assertThat(r.accept(SSRC, 500, true, new DtmfEvent(1, false, 10, 160))).contains('1');
        assertThat(r.accept(SSRC + 1, 500, true, new DtmfEvent(1, false, 10, 160))).contains('1');
    }
}
