package org.cusax.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke run of the end-to-end benchmarks against the real servers with small numbers and one repetition:
 * RFC 3261 §13.3.1.1 (a 180 for every INVITE, through Kamailio, from cusax and from baresip), concurrent G.711
 * calls answered and ended, contacts loaded from Prosody (RFC 6121 §2.2 roster, XEP-0054 vCards), chat messages
 * (RFC 6121 §5) sent through the daemon's API and received by a second client. Only counts are asserted, never
 * timings; the report files are written.
 */
class EndToEndBenchSmokeTest {
    private static final int CALLS = 4;
    private static final int CONCURRENT = 2;
    private static final int CONTACTS = 30;
    private static final int MESSAGES = 40;

    @Test
    void aSmallRunCountsEveryCallContactAndMessageAndWritesItsResults(@TempDir Path work) throws Exception {
        EndToEndBench.Plan plan = new EndToEndBench.Plan(Set.of("invite", "cpu", "heap", "chat"), 1, CALLS,
                CONCURRENT, Duration.ofSeconds(2), CONTACTS, MESSAGES);

        List<Figure> figures = EndToEndBench.run(plan, work.resolve("run"));

        for (String callee : List.of("cusax", "baresip")) {
            // every call ended normally; the ones that did not ring are those whose 180 the proxy dropped after
            // relaying the 200 that overtook it (RFC 3261 §16.7 step 5), at most one of four
            long rang = count(figures, InviteRinging.BENCH, callee + " median");
            long unrung = value(figures, InviteRinging.BENCH, callee + " calls answered before a 180 reached sipp");
            assertThat(rang + unrung).as("calls to " + callee).isEqualTo(CALLS);
            assertThat(rang).as("calls to " + callee + " that rang").isGreaterThanOrEqualTo(CALLS - 1);
        }
        assertThat(count(figures, G711CallCpu.BENCH, "calls cusax saw end")).as("G.711 calls ended in cusax")
                .isEqualTo(CONCURRENT);
        // RTP both ways: sipp alone sends 50 packets per call-second; cusax's answer stream about as many again
        long sippAlone = CONCURRENT * 2 * 50;
        assertThat(count(figures, G711CallCpu.BENCH, "packets per call-second (RTP both ways = 100)"))
                .as("packets on the loopback during the calls").isGreaterThan(sippAlone * 13 / 10);
        assertThat(count(figures, HeapPerContact.BENCH, "bytes per contact")).as("contacts with their number")
                .isEqualTo(CONTACTS);
        assertThat(count(figures, DaemonChatRate.BENCH, "messages per second")).as("messages received")
                .isEqualTo(MESSAGES);

        Path out = work.resolve("results");
        Files.createDirectories(out);
        String table = E2eReport.write(figures, plan, out, "smoke");
        assertThat(table).contains("| invite-180 | cusax / baresip median |", "| chat-rate | messages per second |");
        assertThat(Files.readAllLines(out.resolve("e2e.csv"))).hasSize(figures.size() + 1);
        assertThat(E2eReport.readCsv(out.resolve("e2e.csv"))).as("figures read back from the CSV").hasSize(figures.size());
        assertThat(out.resolve("e2e-invite-180.png")).isNotEmptyFile();
        assertThat(out.resolve("e2e-heap.png")).isNotEmptyFile();
    }

    private static long value(List<Figure> figures, String bench, String subject) {
        return figures.stream().filter(f -> f.bench().equals(bench) && f.subject().equals(subject))
                .mapToLong(f -> Math.round(f.value())).findFirst().orElse(-1);
    }

    private static long count(List<Figure> figures, String bench, String subject) {
        return figures.stream().filter(f -> f.bench().equals(bench) && f.subject().equals(subject))
                .mapToLong(Figure::count).findFirst().orElse(-1);
    }
}
