package org.cusax.app.cli.admin;

import org.cusax.app.cli.ExitCodes;
import org.cusax.provisioning.directory.Directory;
import org.cusax.provisioning.directory.DirectoryDatabase;
import org.cusax.provisioning.directory.DirectoryException;

import picocli.CommandLine.Model.CommandSpec;

/** Opens the directory, runs one admin action, closes it, and turns failures into one clear line and an exit code. */
final class AdminRun {
    interface Action {
        void run(Directory directory) throws Exception;
    }

    private AdminRun() {
    }

    static int run(CommandSpec spec, DirectoryOptions options, Action action) {
        String name = spec.qualifiedName(" ");
        DirectoryDatabase db;
        try {
            db = options.open();
        } catch (DirectoryException e) {
            spec.commandLine().getErr().println(name + ": " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try (db) {
            action.run(DirectoryOptions.directory(db));
            return ExitCodes.OK;
        } catch (DirectoryException | IllegalArgumentException e) {
            spec.commandLine().getErr().println(name + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println(name + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (Exception e) {
            spec.commandLine().getErr().println(name + ": internal error: " + e.getClass().getSimpleName());
            return ExitCodes.INTERNAL;
        }
    }
}
