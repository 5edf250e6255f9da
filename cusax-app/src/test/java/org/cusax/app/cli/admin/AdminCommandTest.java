package org.cusax.app.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

import org.cusax.app.cli.CusaxCli;
import org.cusax.app.cli.ExitCodes;
import org.cusax.provisioning.directory.DigestHa1;
import org.cusax.provisioning.directory.Directory;
import org.cusax.provisioning.directory.DirectoryDatabase;
import org.cusax.provisioning.directory.StoredCredentials;
import org.cusax.provisioning.directory.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cusax admin user …} and {@code cusax admin import} on an embedded H2 directory. */
class AdminCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new CusaxCli(cfg -> {
            throw new AssertionError("no client may be built");
        }, Map.of(), dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private String db() {
        return DirectoryDatabase.defaultUrl(dir);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void userLifecycleFromTheCommandLine() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "first-secret\n");
        assertThat(run("admin", "user", "add", "bob", "--db", db(), "--domain", "example.test", "--name", "Bob Builder",
                "--tel", "mobile:+33 6 98 76 54 32", "--tel", "work:+33 1 84 88 00 11", "--password-file", pw.toString()))
                .as(err()).isEqualTo(ExitCodes.OK);
        assertThat(run("admin", "user", "list", "--db", db())).isEqualTo(ExitCodes.OK);
        assertThat(out()).contains("bob@example.test\tBob Builder\tsip:bob@example.test\tenabled")
                .contains("mobile:+33 6 98 76 54 32, work:+33 1 84 88 00 11").doesNotContain("first-secret");

        assertThat(run("admin", "user", "set-tel", "bob@example.test", "--db", db(), "--tel", "home:01 23 45 67 89"))
                .isEqualTo(ExitCodes.OK);
        Files.writeString(pw, "second-secret\n");
        assertThat(run("admin", "user", "passwd", "bob@example.test", "--db", db(), "--password-file", pw.toString()))
                .isEqualTo(ExitCodes.OK);
        try (DirectoryDatabase d = DirectoryDatabase.open(db(), "", "")) {
            Directory directory = new Directory(d.dataSource(), StoredCredentials.WorkFactors.DEFAULT, new SecureRandom());
            UserId bob = new UserId("bob", "example.test");
            assertThat(directory.find(bob).orElseThrow().phones()).hasToString("[home:01 23 45 67 89]");
            StoredCredentials k = directory.credentials(bob).orElseThrow();
            assertThat(k.provisioning().matches("second-secret".toCharArray())).isTrue();
            assertThat(k.ha1Sha256()).isEqualTo(DigestHa1.of("SHA-256", "bob", "example.test", "second-secret".toCharArray()));
        }
        assertThat(run("admin", "user", "remove", "bob@example.test", "--db", db())).isEqualTo(ExitCodes.OK);
        assertThat(run("admin", "user", "remove", "bob@example.test", "--db", db())).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("no user bob@example.test");
    }

    @Test
    void passwordIsNeverTakenFromTheCommandLine() {
        assertThat(run("admin", "user", "add", "eve@example.test", "--db", db(), "--password", "oops"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("admin", "user", "add", "eve@example.test", "--db", db())).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("--password-file or --password-stdin");
    }

    @Test
    void importAddsAllOrNothing() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "user_id,display_name,sip_aor,tels,password\n"
                + "alice@example.test,Alice,,mobile:+33 6 12 34 56 78;work:+33 1 84 88 00 12,a-pw\n"
                + "carol@example.test,Carol,,fax:+331234,c-pw\n"
                + "dave@example.test,Dave,,,\n");
        assertThat(run("admin", "import", bad.toString(), "--db", db())).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("nothing imported").contains("line 3: unknown number label 'fax'")
                .contains("line 4: empty password").doesNotContain("a-pw");
        run("admin", "user", "list", "--db", db());
        assertThat(out()).isEmpty();

        Path good = Files.writeString(dir.resolve("good.csv"), "user_id,display_name,sip_aor,tels,password\n"
                + "alice@example.test,\"Liddell, Alice\",,mobile:+33 6 12 34 56 78;work:+33 1 84 88 00 12,a-pw\n"
                + "carol,Carol,sip:+33184880013@example.test,,\"c,pw\"\n");
        assertThat(run("admin", "import", good.toString(), "--db", db(), "--domain", "example.test"))
                .as(err()).isEqualTo(ExitCodes.OK);
        assertThat(out()).contains("imported 2 users");
        run("admin", "user", "list", "--db", db());
        assertThat(out()).contains("alice@example.test\tLiddell, Alice\tsip:alice@example.test")
                .contains("carol@example.test\tCarol\tsip:+33184880013@example.test");
    }

    @Test
    void everyAdminCommandHasHelp() {
        for (String[] cmd : new String[][] {{"admin"}, {"admin", "user"}, {"admin", "user", "add"},
            {"admin", "user", "set-tel"}, {"admin", "import"}, {"admin", "serve"}}) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            args[cmd.length] = "--help";
            assertThat(run(args)).isEqualTo(ExitCodes.OK);
            assertThat(out()).contains("Usage: cusax " + String.join(" ", cmd));
        }
    }

    @Test
    void unreachableDatabaseIsAConfigurationError() {
        assertThat(run("admin", "user", "list", "--db", "jdbc:postgresql://127.0.0.1:1/none?password=hunter2")).as(err())
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(err()).contains("cannot connect to the directory database").doesNotContain("hunter2");
    }
}
