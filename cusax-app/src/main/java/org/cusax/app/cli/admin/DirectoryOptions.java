package org.cusax.app.cli.admin;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

import org.cusax.provisioning.directory.Directory;
import org.cusax.provisioning.directory.DirectoryDatabase;
import org.cusax.provisioning.directory.StoredCredentials;

import picocli.CommandLine.Option;

/** Which directory database the admin commands use. */
final class DirectoryOptions {
    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "Directory database: jdbc:postgresql://HOST/DB or jdbc:h2:… (default: $CUSAX_DIRECTORY_DB, "
                    + "else an embedded H2 database in ~/.local/share/cusax/directory).")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: $CUSAX_DIRECTORY_DB_USER). "
            + "Its password comes from $CUSAX_DIRECTORY_DB_PASSWORD, never from the command line.")
    String user;

    @Option(names = "--domain", paramLabel = "DOMAIN",
            description = "Domain of user ids given without one (alice → alice@DOMAIN).")
    String domain;

    String url() {
        if (url != null && !url.isBlank()) {
            return url;
        }
        return Optional.ofNullable(System.getenv("CUSAX_DIRECTORY_DB")).filter(s -> !s.isBlank())
                .orElseGet(() -> DirectoryDatabase.defaultUrl(Path.of(System.getProperty("user.home"),
                        ".local/share/cusax/directory")));
    }

    DirectoryDatabase open() {
        String u = user != null ? user : System.getenv("CUSAX_DIRECTORY_DB_USER");
        return DirectoryDatabase.open(url(), u, System.getenv("CUSAX_DIRECTORY_DB_PASSWORD"));
    }

    static Directory directory(DirectoryDatabase db) {
        return new Directory(db.dataSource(), StoredCredentials.WorkFactors.DEFAULT, new SecureRandom());
    }
}
