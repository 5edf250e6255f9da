package org.cusax.bench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Command line: {@code ResultsTable <jmh-result.json> <table.md> [machine description]} writes the
 * markdown table of a JMH JSON result file. Exit status 2 on bad usage or unreadable input.
 */
public final class ResultsTable {
    private ResultsTable() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ResultsTable <jmh-result.json> <table.md> [machine description]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        try {
            Files.writeString(out, convert(in, args.length == 3 ? args[2] : null));
            System.out.println("wrote " + out);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("ResultsTable: cannot convert " + in + ": " + e.getMessage());
            System.exit(2);
        }
    }

    /** The markdown table for the JMH JSON file {@code in}. */
    public static String convert(Path in, String machine) throws IOException {
        List<JmhResult> results = JmhResult.listOf(new ObjectMapper().readTree(in.toFile()));
        return MarkdownTable.render(results, in.getFileName().toString(), machine);
    }
}
