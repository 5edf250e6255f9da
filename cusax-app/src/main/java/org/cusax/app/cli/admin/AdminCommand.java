package org.cusax.app.cli.admin;

import picocli.CommandLine.Command;

/** {@code cusax admin}: the provider's commands. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Provider administration: the user directory and the provisioning server (docs/provisioning.md).",
        subcommands = {UserCommand.class, ImportCommand.class, ServeCommand.class})
public final class AdminCommand {
}
