package org.cusax.app.cli;

import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Verbs that change the running daemon's contact list (RFC 6121 §2.3–2.5) and answer requests to see our
 * presence (§3.1.3): the same registry commands the web page sends ({@code contact-add}, …).
 */
final class ContactVerbs {
    private ContactVerbs() {
    }

    /** A verb about one contact, with an optional name and groups. */
    abstract static class ContactVerb extends LiveCommands.Verb {
        @Parameters(index = "0", paramLabel = "JID", description = "The contact's address (user@domain).")
        String jid;

        @Override
        void params(Map<String, Object> p) {
            p.put("jid", jid);
        }
    }

    abstract static class NamedVerb extends ContactVerb {
        @Option(names = "--name", paramLabel = "NAME", description = "The name shown for the contact (\"\" for none).")
        String name;
        @Option(names = "--group", paramLabel = "GROUP", description = "A roster group (repeat for several; --group \"\" for none).")
        List<String> groups;

        @Override
        void params(Map<String, Object> p) {
            super.params(p);
            if (name != null) {
                p.put("name", name);
            }
            if (groups != null) {
                p.put("groups", groups.stream().filter(g -> !g.isBlank()).toList());
            }
        }
    }

    @Command(name = "contact-add", mixinStandardHelpOptions = true,
            description = "Add a contact and ask to see its presence (daemon).")
    static final class Add extends NamedVerb {
    }

    @Command(name = "contact-update", mixinStandardHelpOptions = true,
            description = "Rename or regroup a contact; what is left out stays as it is (daemon).")
    static final class Update extends NamedVerb {
    }

    @Command(name = "contact-remove", mixinStandardHelpOptions = true,
            description = "Remove a contact; both presence subscriptions end (daemon).")
    static final class Remove extends ContactVerb {
    }

    @Command(name = "requests", mixinStandardHelpOptions = true,
            description = "Who asks to see our presence and waits for an answer (daemon).")
    static final class Requests extends LiveCommands.Verb {
        @Override
        String command() {
            return "subscription-requests";
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Let a contact see our presence, and ask to see theirs (daemon).")
    static final class Approve extends ContactVerb {
        @Override
        String command() {
            return "subscription-approve";
        }
    }

    @Command(name = "deny", mixinStandardHelpOptions = true,
            description = "Refuse a request to see our presence (daemon).")
    static final class Deny extends ContactVerb {
        @Override
        String command() {
            return "subscription-deny";
        }
    }
}
