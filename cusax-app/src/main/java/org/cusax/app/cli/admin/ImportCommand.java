package org.cusax.app.cli.admin;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.cusax.provisioning.directory.DirectoryImport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cusax admin import FILE.csv}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Add users from a CSV file with the header user_id,display_name,sip_aor,tels,password "
                + "(tels: label:number entries separated by ';'; sip_aor may be empty).",
            "Every row is checked first: if any is bad, nothing is added and each problem is listed. "
                + "Keep the file private and delete it afterwards: it holds passwords."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DirectoryOptions db;

    @Parameters(paramLabel = "FILE.csv")
    Path file;

    @Override
    public Integer call() {
        return AdminRun.run(spec, db, d -> {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int added = DirectoryImport.importCsv(d, in, db.domain);
                spec.commandLine().getOut().println("imported " + added + " users from " + file);
            }
        });
    }
}
