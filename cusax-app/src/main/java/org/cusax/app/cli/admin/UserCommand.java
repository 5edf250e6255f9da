package org.cusax.app.cli.admin;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.cusax.provisioning.directory.DirectoryException;
import org.cusax.provisioning.directory.DirectoryUser;
import org.cusax.provisioning.directory.PhoneNumber;
import org.cusax.provisioning.directory.UserId;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cusax admin user add|remove|passwd|set-tel|list}. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Add, change, remove and list directory users.")
final class UserCommand {
    @Spec
    CommandSpec spec;

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user: XMPP JID = USER, SIP AOR, numbers; one password for both halves.")
    int add(@Parameters(paramLabel = "USER", description = "alice@example.com (or alice with --domain)") String user,
            @Option(names = "--name", paramLabel = "NAME", description = "Display name.") String name,
            @Option(names = "--sip-aor", paramLabel = "AOR", description = "SIP AOR (default sip:USER).") String aor,
            @Option(names = "--tel", paramLabel = "LABEL:NUMBER", description = "A number the directory owns in the "
                    + "user's vCard (labels: mobile, work, home, video, other); repeat for several.") List<String> tels,
            @Mixin PasswordInput password, @Mixin DirectoryOptions db) {
        return run(db, d -> {
            UserId id = UserId.parse(user, db.domain);
            d.add(id, name, aor, phones(tels), password.read(id.toString()));
            out().println("added " + id);
        });
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user from every half.")
    int remove(@Parameters(paramLabel = "USER") String user, @Mixin DirectoryOptions db) {
        return run(db, d -> {
            UserId id = UserId.parse(user, db.domain);
            if (!d.remove(id)) {
                throw new DirectoryException("no user " + id);
            }
            out().println("removed " + id);
        });
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Set a user's password (every stored form at once: provisioning, XMPP SCRAM, SIP digest).")
    int passwd(@Parameters(paramLabel = "USER") String user, @Mixin PasswordInput password, @Mixin DirectoryOptions db) {
        return run(db, d -> {
            UserId id = UserId.parse(user, db.domain);
            d.setPassword(id, password.read(id.toString()));
            out().println("password changed for " + id);
        });
    }

    @Command(name = "set-tel", mixinStandardHelpOptions = true,
            description = "Replace the numbers the directory owns in a user's vCard (none given = no number).")
    int setTel(@Parameters(paramLabel = "USER") String user,
            @Option(names = "--tel", paramLabel = "LABEL:NUMBER", description = "A number; repeat for several.")
            List<String> tels, @Mixin DirectoryOptions db) {
        return run(db, d -> {
            UserId id = UserId.parse(user, db.domain);
            d.setPhones(id, phones(tels));
            out().println("numbers of " + id + ": " + phones(tels));
        });
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
    int list(@Mixin DirectoryOptions db) {
        return run(db, d -> {
            for (DirectoryUser u : d.list()) {
                out().println(u.id() + "\t" + u.displayName() + "\t" + u.sipAor() + "\t"
                        + (u.enabled() ? "enabled" : "disabled") + "\t" + u.phones());
            }
        });
    }

    private int run(DirectoryOptions db, AdminRun.Action action) {
        return AdminRun.run(spec, db, action);
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private static List<PhoneNumber> phones(List<String> tels) {
        List<PhoneNumber> phones = new ArrayList<>();
        if (tels != null) {
            tels.forEach(t -> phones.add(PhoneNumber.parse(t)));
        }
        return phones;
    }
}
