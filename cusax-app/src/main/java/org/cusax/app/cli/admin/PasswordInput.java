package org.cusax.app.cli.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import picocli.CommandLine.Option;

/** Where a new password comes from: a file, stdin, or a prompt. Never the command line. */
final class PasswordInput {
    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password from FILE (its first line).")
    Path file;

    @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
    boolean stdin;

    char[] read(String forWhom) throws IOException {
        String line;
        if (file != null) {
            line = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        } else if (stdin) {
            line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } else {
            Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException("no terminal to ask for the password: use --password-file or "
                        + "--password-stdin");
            }
            char[] first = console.readPassword("New password for %s: ", forWhom);
            char[] again = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, again)) {
                throw new IllegalArgumentException("the passwords differ");
            }
            return first;
        }
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("empty password");
        }
        return line.toCharArray();
    }
}
