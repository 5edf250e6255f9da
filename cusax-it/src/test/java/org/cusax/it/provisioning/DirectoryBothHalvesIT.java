package org.cusax.it.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.cusax.app.assembly.CusaxAssembly;
import org.cusax.app.cli.CusaxCli;
import org.cusax.it.support.ContactSeeder;
import org.cusax.it.support.StockVCardProvider;
import org.cusax.it.support.XmppPeer;
import org.cusax.provisioning.directory.Directory;
import org.cusax.provisioning.directory.PhoneNumber;
import org.cusax.provisioning.directory.DirectoryDatabase;
import org.cusax.provisioning.directory.StoredCredentials;
import org.cusax.provisioning.directory.UserId;
import org.cusax.testbed.TestUser;
import org.cusax.testbed.TestbedOptions;
import org.cusax.testbed.junit.TestbedExtension;
import org.cusax.testbed.kamailio.DigestAlgorithm;
import org.cusax.testbed.kamailio.KamailioServer;
import org.cusax.testbed.postgres.LocalPostgres;
import org.cusax.testbed.prosody.ProsodyServer;
import org.cusax.xmpp.connection.PendingReplies;
import org.cusax.xmpp.vcard4.VCard4Manager;
import org.cusax.xmpp.vcard4.element.VCard4Element;
import org.cusax.xmpp.vcard4.element.VCard4Tel;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PublishItem;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Both halves authenticate from the one cusax user directory on a real PostgreSQL (issue 12 item 4):
 * Kamailio (deploy/kamailio, {@code CUSAX_DIRECTORY_DB}) checks REGISTER digests (RFC 3261 §22; SHA-256
 * of RFC 8760 and MD5) against the directory's HA1, Prosody (deploy/prosody,
 * {@code mod_auth_cusax_directory}) runs SASL SCRAM-SHA-1 (RFC 5802) from its StoredKey/ServerKey. One
 * admin action adds, changes or removes the user on both halves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryBothHalvesIT {
    @RegisterExtension
    static final TestbedExtension TB = new TestbedExtension(TestbedOptions.defaults()
            .withDigestAlgorithm(DigestAlgorithm.SHA_256));
    private LocalPostgres pg;
    private DirectoryDatabase db;
    private Directory directory;
    private String jdbc;

    @BeforeAll
    void directoryFeedsBothServers() throws Exception {
        pg = LocalPostgres.start();
        jdbc = pg.createDatabase("cusax");
        db = DirectoryDatabase.open(jdbc, pg.user(), "");
        directory = new Directory(db.dataSource(), StoredCredentials.WorkFactors.DEFAULT, new SecureRandom());
        KamailioServer kamailio = TB.testbed().kamailio();
        kamailio.useDirectory(jdbc.replace("jdbc:postgresql://", "postgres://" + pg.user() + "@"));
        kamailio.restart();
        ProsodyServer prosody = TB.testbed().prosody();
        prosody.useDirectory(new ProsodyServer.Directory("127.0.0.1", pg.port(), "cusax", pg.user()));
        prosody.restart();
    }

    @AfterAll
    void stop() {
        try {
            if (db != null) {
                db.close();
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    private int register(String user, String password) {
        return TB.testbed().kamailio().probe().register(user, password, "sip:" + user + "@127.0.0.1:45999", 60).status();
    }

    /** Smack's SCRAM-SHA-1 login; returns the mechanism used. */
    private String xmppLogin(String user, String password) throws Exception {
        XMPPTCPConnection c = XmppPeer.connect(TB.testbed(), new TestUser(user, TB.testbed().domain(), password), "it");
        try {
            return c.getUsedSaslMechansism();
        } finally {
            c.disconnect();
        }
    }

    @Test
    void oneAdminActionAddsChangesAndRemovesTheUserOnBothHalves() throws Exception {
        UserId dora = new UserId("dora", TB.testbed().domain());
        directory.add(dora, "Dora", "", List.of(), "first-pw".toCharArray());
        assertThat(register("dora", "first-pw")).as(TB.testbed().kamailio().logTail(30)).isEqualTo(200);
        assertThat(xmppLogin("dora", "first-pw")).as(TB.testbed().serverLogTails(30)).isEqualTo("SCRAM-SHA-1");
        assertThat(register("dora", "wrong")).isEqualTo(401);
        assertThatThrownBy(() -> xmppLogin("dora", "wrong")).isInstanceOf(SASLErrorException.class);

        directory.setPassword(dora, "second-pw".toCharArray());
        assertThat(register("dora", "first-pw")).isEqualTo(401);
        assertThatThrownBy(() -> xmppLogin("dora", "first-pw")).isInstanceOf(SASLErrorException.class);
        assertThat(register("dora", "second-pw")).isEqualTo(200);
        assertThat(xmppLogin("dora", "second-pw")).isEqualTo("SCRAM-SHA-1");

        directory.setEnabled(dora, false);
        assertThat(register("dora", "second-pw")).isEqualTo(401);
        assertThatThrownBy(() -> xmppLogin("dora", "second-pw")).isInstanceOf(SASLErrorException.class);
        directory.setEnabled(dora, true);
        directory.remove(dora);
        assertThat(register("dora", "second-pw")).isEqualTo(401);
        assertThatThrownBy(() -> xmppLogin("dora", "second-pw")).isInstanceOf(SASLErrorException.class);
    }

    /**
     * RFC 7081 §3.1–3.2: TEL fields of every directory user's vCard (XEP-0054) come from the directory
     * (mod_cusax_vcard_tel): a user's own TEL change with a stock library (Smack) is restored while the
     * nickname change stays; a contact sees the directory's numbers; set-tel shows at the next read.
     */
    @Test
    void telFieldsBelongToTheDirectory() throws Exception {
        UserId gina = new UserId("gina", TB.testbed().domain());
        directory.add(gina, "Gina", "", List.of(PhoneNumber.parse("mobile:+33 6 12 34 56 78"),
                PhoneNumber.parse("work:+33 1 84 88 00 12")), "gina-pw".toCharArray());
        directory.add(new UserId("hank", TB.testbed().domain()), "Hank", "", List.of(), "hank-pw".toCharArray());
        EntityBareJid ginaJid = JidCreate.entityBareFrom(gina.toString());
        XMPPTCPConnection g = XmppPeer.connect(TB.testbed(), new TestUser("gina", TB.testbed().domain(), "gina-pw"), "it");
        XMPPTCPConnection h = XmppPeer.connect(TB.testbed(), new TestUser("hank", TB.testbed().domain(), "hank-pw"), "it");
        try (StockVCardProvider stock = StockVCardProvider.install()) {
            VCard own = VCardManager.getInstanceFor(g).loadVCard();
            assertThat(own.getPhoneWork("CELL")).as(own.toXML().toString()).isEqualTo("+33 6 12 34 56 78");
            assertThat(own.getPhoneWork("VOICE")).isEqualTo("+33 1 84 88 00 12");

            own.setNickName("Gigi");
            own.setPhoneWork("VOICE", "+1 555 0100");
            VCardManager.getInstanceFor(g).saveVCard(own);

            VCard seen = VCardManager.getInstanceFor(h).loadVCard(ginaJid);
            assertThat(seen.getNickName()).isEqualTo("Gigi");
            assertThat(seen.getPhoneWork("VOICE")).isEqualTo("+33 1 84 88 00 12");
            assertThat(seen.getPhoneWork("CELL")).isEqualTo("+33 6 12 34 56 78");

            directory.setPhones(gina, List.of(PhoneNumber.parse("home:01 23 45 67 89")));
            VCard after = VCardManager.getInstanceFor(h).loadVCard(ginaJid);
            assertThat(after.getPhoneHome("VOICE")).isEqualTo("01 23 45 67 89");
            assertThat(after.getPhoneWork("CELL")).isNull();
            assertThat(after.getPhoneWork("VOICE")).isNull();
            assertThat(after.getNickName()).isEqualTo("Gigi");
        } finally {
            g.disconnect();
            h.disconnect();
        }
    }

    /**
     * XEP-0292 §3 vCard4 in PEP, RFC 7081 §3.1–3.2: a directory user's own vCard4 publish keeps its FN and
     * nickname but its tels become the directory's (mod_cusax_vcard_tel rewrites the publish before
     * mod_pep stores it), as read back raw and through our adapter's {@link VCard4Manager}.
     */
    @Test
    void vcard4TelsBelongToTheDirectory() throws Exception {
        UserId ivy = new UserId("ivy", TB.testbed().domain());
        directory.add(ivy, "Ivy", "", List.of(PhoneNumber.parse("mobile:+33 6 12 34 56 78"),
                PhoneNumber.parse("work:+33 1 84 88 00 12")), "ivy-pw".toCharArray());
        BareJid ivyJid = JidCreate.entityBareFrom(ivy.toString());
        XMPPTCPConnection i = XmppPeer.connect(TB.testbed(), new TestUser("ivy", TB.testbed().domain(), "ivy-pw"), "it");
        ProviderManager.removeExtensionProvider(VCard4Element.ELEMENT, VCard4Element.NAMESPACE);
        try {
            i.sendIqRequestAndWaitForResponse(publishVcard4("Ivy Example", "Ivo", "tel:+1-555-0100", "cell"));
            String stored = i.sendIqRequestAndWaitForResponse(VCard4Manager.request(ivyJid)).toXML().toString();
            assertThat(stored).contains(">Ivy Example</text>", ">Ivo</text>", ">tel:+33612345678</uri>",
                    ">tel:+33184880012</uri>", ">cell</text>").doesNotContain("555");

            VCard4Manager.registerProviders();
            directory.setPhones(ivy, List.of(PhoneNumber.parse("home:01 23 45 67 89")));
            i.sendIqRequestAndWaitForResponse(publishVcard4("Ivy Example", "Ivo", "tel:+1-555-0199", "home"));
            VCard4Element seen = fetchVcard4(i, ivyJid);
            assertThat(seen.tels()).containsExactly(VCard4Tel.of(
                    "tel:0123456789;phone-context=" + TB.testbed().domain(), "home", "voice"));
        } finally {
            VCard4Manager.registerProviders();
            i.disconnect();
        }
    }

    /**
     * RFC 7081 §3.1–3.2, XEP-0292 §3: a directory change of a user's numbers ({@code cusax admin user set-tel}) reaches a
     * contact in both vCards without the user publishing again: the vcard-temp read carries the new
     * numbers, and the stored vCard4 item is republished with them (mod_cusax_vcard_tel) before the
     * contact's read, its other properties kept.
     */
    @Test
    void setTelRewritesTheVcardTempAndThePublishedVcard4SeenByAContact() throws Exception {
        String domain = TB.testbed().domain();
        UserId kim = new UserId("kim", domain);
        directory.add(kim, "Kim", "", List.of(PhoneNumber.parse("mobile:+33 6 12 34 56 78")), "kim-pw".toCharArray());
        directory.add(new UserId("leo", domain), "Leo", "", List.of(), "leo-pw".toCharArray());
        TestUser kimUser = new TestUser("kim", domain, "kim-pw");
        TestUser leoUser = new TestUser("leo", domain, "leo-pw");
        BareJid kimJid = JidCreate.entityBareFrom(kim.toString());
        VCard4Manager.registerProviders();
        Roster.setDefaultSubscriptionMode(Roster.SubscriptionMode.accept_all);
        XMPPTCPConnection k = XmppPeer.connect(TB.testbed(), kimUser, "it");
        XMPPTCPConnection l = XmppPeer.connect(TB.testbed(), leoUser, "it");
        try (StockVCardProvider stock = StockVCardProvider.install()) {
            ContactSeeder.befriend(l, leoUser, k, kimUser, "Kim");
            k.sendIqRequestAndWaitForResponse(publishVcard4("Kim Example", "Kimmy", "tel:+1-555-0100", "cell"));
            VCard4Element before = fetchVcard4(l, kimJid);
            assertThat(before.tels()).containsExactly(VCard4Tel.of("tel:+33612345678", "cell"));

            adminSetTel(kim.toString(), "home:01 23 45 67 89", "work:+33 1 84 88 00 12");

            VCard4Element after = fetchVcard4(l, kimJid);
            assertThat(after.tels()).as(TB.testbed().serverLogTails(30)).containsExactly(
                    VCard4Tel.of("tel:0123456789;phone-context=" + domain, "home", "voice"),
                    VCard4Tel.of("tel:+33184880012", "work", "voice"));
            ProviderManager.removeExtensionProvider(VCard4Element.ELEMENT, VCard4Element.NAMESPACE);
            String raw = l.sendIqRequestAndWaitForResponse(VCard4Manager.request(kimJid)).toXML().toString();
            VCard4Manager.registerProviders();
            assertThat(raw).contains(">Kim Example</text>", ">Kimmy</text>", ">tel:+33184880012</uri>")
                    .doesNotContain("555", "+33612345678");

            VCard temp = VCardManager.getInstanceFor(l).loadVCard(JidCreate.entityBareFrom(kim.toString()));
            assertThat(temp.getPhoneHome("VOICE")).as(temp.toXML().toString()).isEqualTo("01 23 45 67 89");
            assertThat(temp.getPhoneWork("VOICE")).isEqualTo("+33 1 84 88 00 12");
            assertThat(temp.getPhoneWork("CELL")).isNull();
        } finally {
            VCard4Manager.registerProviders();
            k.disconnect();
            l.disconnect();
        }
    }

    /** {@code cusax admin user set-tel USER --tel T…} on the directory (in-process, the same CusaxCli as the command). */
    private void adminSetTel(String user, String... tels) {
        List<String> args = new java.util.ArrayList<>(List.of("admin", "user", "set-tel", user));
        for (String t : tels) {
            args.addAll(List.of("--tel", t));
        }
        args.addAll(List.of("--db", jdbc, "--db-user", pg.user()));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        int exit = new CusaxCli(new CusaxAssembly(), java.util.Map.of(), TB.testbed().runDir(), print, print)
                .execute(args.toArray(String[]::new));
        assertThat(exit).as(String.join(" ", args) + "\n" + out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .isZero();
    }

    /** {@code <publish node='urn:xmpp:vcard4'>} of an xCard with an FN, a nickname and one tel, by a stock Smack. */
    /** A contact's vCard4 read through our adapter, as the client reads it (replies found by id). */
    private static VCard4Element fetchVcard4(XMPPTCPConnection c, BareJid contact) throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (PendingReplies replies = new PendingReplies(c, timer)) {
            return new VCard4Manager(c, replies).fetch(contact).get(10, TimeUnit.SECONDS).orElseThrow();
        } finally {
            timer.shutdownNow();
        }
    }

    private static PubSub publishVcard4(String fn, String nickname, String telUri, String telType) {
        String ns = VCard4Element.NAMESPACE;
        StandardExtensionElement xcard = StandardExtensionElement.builder(VCard4Element.ELEMENT, ns)
                .addElement(StandardExtensionElement.builder("fn", ns).addElement("text", fn).build())
                .addElement(StandardExtensionElement.builder("nickname", ns).addElement("text", nickname).build())
                .addElement(StandardExtensionElement.builder("tel", ns)
                        .addElement(StandardExtensionElement.builder("parameters", ns)
                                .addElement(StandardExtensionElement.builder("type", ns).addElement("text", telType).build())
                                .build())
                        .addElement("uri", telUri).build())
                .build();
        return PubSub.createPubsubPacket(null, IQ.Type.set,
                new PublishItem<>(VCard4Element.NODE, new PayloadItem<>("current", xcard)));
    }

    /** RFC 7616 MD5 (what sipp and older phones answer): the directory's ha1_md5 column. */
    @Test
    void md5ChallengesUseTheMd5Ha1() {
        UserId finn = new UserId("finn", TB.testbed().domain());
        directory.add(finn, "Finn", "", List.of(), "finn-pw".toCharArray());
        KamailioServer kamailio = TB.testbed().kamailio();
        kamailio.setDigestAlgorithm(DigestAlgorithm.MD5);
        kamailio.restart();
        try {
            assertThat(register("finn", "finn-pw")).as(kamailio.logTail(30)).isEqualTo(200);
            assertThat(register("finn", "nope")).isEqualTo(401);
        } finally {
            kamailio.setDigestAlgorithm(DigestAlgorithm.SHA_256);
            kamailio.restart();
        }
    }

    @Test
    void unknownUserAndSqlInDigestUserAreRefused() {
        assertThat(register("nobody", "x")).isEqualTo(401);
        UserId eve = new UserId("eve", TB.testbed().domain());
        directory.add(eve, "Eve", "", List.of(), "eve-pw".toCharArray());
        // a valid SIP user part that would end the SQL string and comment out the rest
        assertThat(register("eve'--", "eve-pw")).isEqualTo(401);
        assertThat(register("eve", "eve-pw")).isEqualTo(200);
    }
}
