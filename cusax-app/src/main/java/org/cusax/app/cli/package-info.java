/**
 * The command-line interface (picocli): {@code status}, {@code chat}, {@code listen}. Every command
 * speaks the core command/event API and prints JSON with {@code --json}. Exit codes: {@link
 * org.cusax.app.cli.ExitCodes}.
 */
package org.cusax.app.cli;
