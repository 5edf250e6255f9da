package org.cusax.bench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMH JSON (as JMH 1.37 writes it) becomes one markdown row per benchmark. */
class ResultsTableTest {

    @Test
    void eachResultBecomesARowWithParamsScoreErrorAndUnit(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("2025-01-01.json");
        try (var in = getClass().getResourceAsStream("jmh-sample.json")) {
            Files.write(json, in.readAllBytes());
        }

        String md = ResultsTable.convert(json, "2 cores");

        assertThat(md).contains("Source: `2025-01-01.json`", "Machine: 2 cores",
                "JMH 1.37, 1 fork(s), 1 thread(s), warm-up 2 × 1 s, measurement 3 × 1 s");
        assertThat(md).contains(
                "| TelIndexLookupBenchmark.owners | contacts=1000, callerId=TEL_URI | avgt | 1,234 | ± 56.8 | ns/op |",
                "| SdpParseBenchmark.parseOffer |  | avgt | 3.46 | n/a | ns/op |");
        assertThat(md.lines().filter(l -> l.startsWith("| ") && l.contains("Benchmark."))).hasSize(2);
    }

    @Test
    void somethingElseThanAJmhResultArrayIsAClearError() {
        var mapper = new ObjectMapper();
        assertThatThrownBy(() -> JmhResult.listOf(mapper.readTree("{\"a\":1}")))
                .hasMessageContaining("array of benchmark results");
        assertThatThrownBy(() -> JmhResult.listOf(mapper.readTree("[{\"a\":1}]")))
                .hasMessageContaining("not a JMH result entry");
    }
}
