package org.cusax.sandbox.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cusax.provisioning.directory.PhoneNumber;
import org.cusax.sandbox.peers.DemoPeers;
import org.cusax.sandbox.provisioning.SandboxDirectory;
import org.cusax.sandbox.sip.SandboxSip;
import org.cusax.sandbox.xmpp.SandboxXmppServer;

/**
 * Seeds the demo accounts and contacts on both halves of the sandbox.
 *
 * <table>
 *   <caption>The demo user's contact list</caption>
 *   <tr><th>contact</th><th>where its addresses come from</th><th>reached over SIP by</th></tr>
 *   <tr><td>alice</td><td>the directory: a national mobile number and an E.164 work number (vcard-temp and
 *       vCard4 as every directory person)</td><td>both numbers → SIP user {@code alice}</td></tr>
 *   <tr><td>bob</td><td>the directory: a mobile number; his vCard4 (XEP-0292, PEP) is published with it</td>
 *       <td>the number → {@code bob}</td></tr>
 *   <tr><td>greeting</td><td>vcard-temp: a {@code sip:} URI</td><td>the greeting demo peer</td></tr>
 *   <tr><td>busy</td><td>vcard-temp: an E.164 number</td><td>the busy demo peer (486)</td></tr>
 *   <tr><td>echo</td><td>no number (chat only)</td><td>the chat echo peer</td></tr>
 * </table>
 * The people's numbers live in the directory only: their vcard-temp and vCard4 TELs are read from it at
 * every request ({@link SandboxXmppServer#useDirectoryTels}), so a directory change shows at once. The
 * numbers are French ({@link #REGION}); the client configuration says so, so that national numbers are
 * understood.
 */
public final class DemoDirectory {
    /** The region national numbers are read in. */
    public static final String REGION = "FR";
    public static final String DEMO = "demo";
    public static final String ALICE = "alice";
    public static final String BOB = "bob";
    public static final String ECHO = "echo";

    private DemoDirectory() {
    }

    /**
     * A person who logs in: name, password, display name, global number (the SIP number plan's) and the
     * directory's numbers of the person's vCard.
     */
    record Person(String name, String password, String displayName, String number, List<PhoneNumber> tels) {
    }

    /** The accounts meant for people (and other clients) to log in as. */
    static final List<Person> PEOPLE = List.of(
            new Person(DEMO, "demo", "Demo User", "+33 1 84 88 00 10", List.of(PhoneNumber.parse("work:+33 1 84 88 00 10"))),
            new Person(ALICE, "alice", "Alice Martin", "+33 6 12 34 56 78",
                    List.of(PhoneNumber.parse("mobile:06 12 34 56 78"), PhoneNumber.parse("work:+33 1 84 88 00 12"))),
            new Person(BOB, "bob", "Bob Durand", "+33 6 98 76 54 32", List.of(PhoneNumber.parse("mobile:+33 6 98 76 54 32"))));

    /**
     * Adds the people to the directory and, from there (SCRAM-SHA-1 keys, digest HA1), their accounts on both halves, their vCards and rosters, the XMPP side of the demo
     * peers, and the number plan. The SIP peers must already be running ({@link DemoPeers}); the
     * echo peer's account is {@link #ECHO} with {@code echoPassword}.
     */
    static void seed(SandboxDirectory directory, SandboxXmppServer xmpp, SandboxSip sip, String peerPassword,
                     String echoPassword) {
        String d = xmpp.domain();
        for (Person p : PEOPLE) {
            // one password in one place: the directory; each half gets only the form it needs from there
            directory.add(p.name(), p.displayName(), p.tels(), p.password());
            sip.addUserWithHa1(p.name(), directory.digestHa1(p.name()));
            sip.addNumber(p.number(), p.name());
            xmpp.addUser(p.name(), directory.scramSha1(p.name()));
            // the vCards' TELs are the directory's, read from it at each request: the user cannot change them
            xmpp.useDirectoryTels(p.name(), () -> directory.phones(p.name()));
        }
        xmpp.setVcardTemp(DEMO, vcardTemp("Demo User", ""));
        xmpp.setVcardTemp(ALICE, vcardTemp("Alice Martin", ""));
        sip.addNumber("+33 1 84 88 00 12", ALICE);
        // bob: a vCard4 too, its tels the directory's
        xmpp.setVcardTemp(BOB, vcardTemp("Bob Durand", ""));
        xmpp.publishPep(BOB, "urn:xmpp:vcard4", "current", "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'>"
                + "<fn><text>Bob Durand</text></fn></vcard>");
        xmpp.addUser(DemoPeers.GREETING_USER, peerPassword, vcardTemp("Greeting (demo peer)",
                tel("<WORK/><VOICE/>", "sip:" + DemoPeers.GREETING_USER + "@" + d)));
        xmpp.addUser(DemoPeers.BUSY_USER, peerPassword, vcardTemp("Busy line (demo peer)",
                tel("<WORK/><VOICE/>", "+33 9 72 10 04 86")));
        sip.addNumber("+33 9 72 10 04 86", DemoPeers.BUSY_USER);
        xmpp.addUser(ECHO, echoPassword, vcardTemp("Echo (chat peer)", ""));

        xmpp.addRosterItem(DEMO, ALICE, "Alice Martin", "Demo User");
        xmpp.addRosterItem(DEMO, BOB, "Bob Durand", "Demo User");
        xmpp.addRosterItem(DEMO, DemoPeers.GREETING_USER, "Greeting (demo peer)", "Demo User");
        xmpp.addRosterItem(DEMO, DemoPeers.BUSY_USER, "Busy line (demo peer)", "Demo User");
        xmpp.addRosterItem(DEMO, ECHO, "Echo (chat peer)", "Demo User");
        xmpp.addRosterItem(ALICE, BOB, "Bob Durand", "Alice Martin");
        xmpp.addRosterItem(ALICE, ECHO, "Echo (chat peer)", "Alice Martin");
        xmpp.addRosterItem(BOB, ECHO, "Echo (chat peer)", "Bob Durand");
    }

    /**
     * {@link #seed Seeds} the directory and the sandbox and writes a client configuration for each person into {@code dir};
     * returns the people, {@link #DEMO} first.
     */
    public static List<DemoUser> create(SandboxDirectory directory, SandboxXmppServer xmpp, SandboxSip sip, Path dir,
                                        Path caFile, String peerPassword, String echoPassword) throws IOException {
        seed(directory, xmpp, sip, peerPassword, echoPassword);
        List<DemoUser> users = new ArrayList<>();
        for (Person p : PEOPLE) {
            Path config = ClientConfigFile.write(dir, p.name(), p.password(), xmpp, sip, caFile);
            users.add(new DemoUser(p.name(), p.password(), p.name() + "@" + xmpp.domain(),
                    "sip:" + p.name() + "@" + sip.domain(), p.number(), config));
        }
        return List.copyOf(users);
    }

    private static String vcardTemp(String fn, String tels) {
        return "<vCard xmlns='vcard-temp'><FN>" + fn + "</FN>" + tels + "</vCard>";
    }

    private static String tel(String types, String number) {
        return "<TEL>" + types + "<NUMBER>" + number + "</NUMBER></TEL>";
    }
}
