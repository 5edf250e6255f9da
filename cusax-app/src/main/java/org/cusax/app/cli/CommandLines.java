package org.cusax.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * How a parsed command line is run. picocli skips its unmatched-argument check when {@code --help} is
 * given, so {@code cusax nosuch --help} would print the top-level help and exit 0; here any word that
 * matched no command or option is a usage error (exit 2) even then.
 */
final class CommandLines {
    private CommandLines() {
    }

    static int refuseUnmatchedThenRun(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (!p.unmatched().isEmpty()) {
                CommandLine cl = p.commandSpec().commandLine();
                String word = p.unmatched().get(0);
                cl.getErr().println((word.startsWith("-") ? "Unknown option: '" : "Unknown command or argument: '")
                        + word + "'");
                cl.usage(cl.getErr());
                return ExitCodes.USAGE;
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }
}
