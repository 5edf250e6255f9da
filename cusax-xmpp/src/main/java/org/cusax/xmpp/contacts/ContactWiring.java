package org.cusax.xmpp.contacts;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.cusax.core.config.ContactSettings;
import org.cusax.core.contact.AddressNormalizer;
import org.cusax.core.port.ContactCallbacks;
import org.cusax.core.port.RosterItem;
import org.cusax.xmpp.connection.AckGate;
import org.cusax.xmpp.connection.ManagerListeners;
import org.cusax.xmpp.connection.PendingReplies;
import org.cusax.xmpp.contacts.cache.AccountCacheDir;
import org.cusax.xmpp.contacts.cache.ContactCache;
import org.cusax.xmpp.contacts.cache.ContactCacheFile;
import org.cusax.xmpp.reach.ReachManager;
import org.cusax.xmpp.reach.element.ReachElement;
import org.cusax.xmpp.roster.CappedRosterProvider;
import org.cusax.xmpp.roster.FileRosterStore;
import org.cusax.xmpp.roster.InMemoryRosterStore;
import org.cusax.xmpp.roster.RosterSkipped;
import org.cusax.xmpp.vcard4.VCard4Manager;
import org.cusax.xmpp.vcardtemp.VCardTelManager;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.IQTypeFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterListener;
import org.jivesoftware.smack.roster.RosterLoadedListener;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.roster.rosterstore.RosterStore;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects {@link ContactSync} to one Smack connection: the roster store (a file per account when a
 * cache directory is set), roster and presence listeners, vCard4 and reachability PEP notifications
 * ({@code +notify} announced before the first presence), and our own reachability in presence and PEP.
 */
public final class ContactWiring {
    private static final Logger LOG = LoggerFactory.getLogger(ContactWiring.class);

    private final XMPPConnection connection;
    private final Roster roster;
    private final Listener listener = new Listener();
    private final RosterStore store;
    private final ContactSync sync;
    /** Our vCard requests awaiting their reply, found by id; their timeouts run on {@link #replyTimer}. */
    private final PendingReplies replies;
    private final ScheduledThreadPoolExecutor replyTimer;
    private final VCardTelManager vcardTemp;
    private final ReachManager reach;
    private final Optional<ReachElement> ownReach;
    private volatile boolean reloading;
    private volatile CountDownLatch rosterHandedOver = new CountDownLatch(1);

    /**
     * @param account   our bare JID (names the cache directory)
     * @param ownSipAor our SIP address-of-record, published as reachability when the settings allow it
     */
    /**
     * @param acks     the connection's ack gate (XEP-0198), when it has one: vCard requests respect it
     * @param normalizer the core's address normalizer: the contact cache keeps the forms it makes
     * @param managers where the listeners put on Smack's roster and PEP managers are remembered, to be taken off
     *                 when the session ends
     */
    public ContactWiring(XMPPConnection connection, Optional<AckGate> acks, String account, ContactSettings settings,
                         Optional<String> ownSipAor, AddressNormalizer normalizer, ContactCallbacks callbacks,
                         ManagerListeners managers) {
        registerProviders();
        this.connection = connection;
        this.roster = Roster.getInstanceFor(connection);
        Optional<Path> dir = settings.cacheDir().map(d -> AccountCacheDir.of(d, account));
        // the forms are kept under the rules the core normalizes by (contacts.default-region), made by the
        // core's own normalizer: its memo hands back the objects the core already holds, not new copies
        ContactCache cache = dir.map(d -> ContactCache.at(new ContactCacheFile(d.resolve(AccountCacheDir.CONTACTS),
                account), normalizer)).orElseGet(ContactCache::inMemory);
        // Before the pending replies' own listener (Smack calls connection listeners in the order added): a lost
        // connection reaches the contact thread before the failures of the requests it ended, which then belong
        // to the dropped requests and are ignored (no connection event comes before the connection is started).
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosed() {
                sync.connectionLost();
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                sync.connectionLost();
            }

            @Override
            public void authenticated(XMPPConnection c, boolean resumed) {
                if (resumed) {
                    sync.sessionResumed();
                } else {
                    sync.sessionStarted();
                }
            }
        });
        replyTimer = replyTimer("cusax-xmpp-replies-" + account);
        replies = new PendingReplies(connection, replyTimer);
        vcardTemp = new VCardTelManager(replies);
        VCard4Manager vcard4 = new VCard4Manager(connection, replies);
        sync = new ContactSync(callbacks, cache, new SmackTelQueries(vcardTemp, vcard4, acks),
                settings.requestsInFlight(), settings.maxRoster(), Clock.systemUTC(), "cusax-xmpp-contacts-" + account);
        // the roster file is written on the contact thread, not on Smack's reader thread that changes the store
        Optional<FileRosterStore> file = dir.map(d -> FileRosterStore.at(d.resolve(AccountCacheDir.ROSTER),
                sync.fileWriter()));
        store = file.<RosterStore>map(f -> f).orElseGet(InMemoryRosterStore::new);
        Runnable readFiles = () -> {
            file.ifPresent(FileRosterStore::read);
            cache.read();
        };
        reach = new ReachManager(connection);
        ownReach = settings.publishReachability() ? ownSipAor.flatMap(ReachManager::own) : Optional.empty();
        if (settings.publishReachability() && ownSipAor.isPresent() && ownReach.isEmpty()) {
            LOG.warn("our SIP address '{}' is not a sip:, sips: or tel: URI; it is not published", ownSipAor.get());
        }
        ownReach.ifPresent(reach::announceInPresence);

        // our limit bounds Smack's roster parser while this session lives; a result it cut is reported as a cut
        managers.added(CappedRosterProvider.INSTANCE.hold(settings.maxRoster()));
        StanzaListener cut = stanza -> RosterSkipped.of((RosterPacket) stanza)
                .ifPresent(s -> guarded("roster cut", () -> sync.withCap(c -> c.skippedByParser(s.kept(), s.skipped()))));
        connection.addSyncStanzaListener(cut, new AndFilter(new StanzaTypeFilter(RosterPacket.class), IQTypeFilter.RESULT));
        managers.added(() -> connection.removeSyncStanzaListener(cut));
        managers.added(RosterPushCap.install(connection, settings.maxRoster(), sync));
        roster.addRosterListener(listener);
        managers.added(() -> roster.removeRosterListener(listener));
        Loaded loaded = new Loaded();
        roster.addRosterLoadedListener(loaded);
        managers.added(() -> roster.removeRosterLoadedListener(loaded));
        managers.added(vcard4.follow((from, vcard) -> guarded("vCard4 notification",
                () -> sync.vcard4Published(from.toString(), VCard4Manager.rawTels(vcard)))));
        managers.added(reach.follow((from, r) -> guarded("reachability notification",
                () -> sync.reachPublished(from.toString(), ReachManager.callable(r)))));
        // The files are read and the cached list reported first thing on the contact thread, while the session
        // connects: it shows long before login (awaitCacheShown), and nothing else touches the files before.
        sync.showCached(() -> {
            readFiles.run();
            return store.getEntries().stream().map(PresenceMapper::item).toList();
        });
    }

    /**
     * Waits (bounded) until the cached contact list has been reported: before the session reports that it is
     * connecting, and before the roster store is given to Smack (the roster request carries its version).
     */
    public void awaitCacheShown() throws InterruptedException {
        sync.awaitIdle();
    }

    /**
     * Our providers replace Smack's for vcard-temp and for the roster (bounded by {@code contacts.max-roster}),
     * and add vCard4, reachability and XEP-0153.
     */
    public static void registerProviders() {
        CappedRosterProvider.register();
        VCardTelManager.registerProviders();
        VCard4Manager.registerProviders();
        ReachManager.registerProviders();
    }

    /** The roster store to give Smack (versioned; on disk when a cache directory is set). */
    public RosterStore rosterStore() {
        return store;
    }

    /** Call right before requesting the roster: the entries Smack reports while loading are not pushes. */
    public void beforeRosterLoad() {
        rosterHandedOver = new CountDownLatch(1);
        reloading = true;
    }

    /**
     * Applies the presence Smack holds for every roster entry, right after the roster is loaded: presences
     * the server sent while the roster was still loading (our caps primer's presence to our own bare JID
     * already counts as the initial one, RFC 6121 §4.4.2) reached Smack before our contact list knew the
     * contacts; this way a contact online at login shows available. Unchanged presences change nothing.
     */
    private void resyncPresences() {
        for (org.jivesoftware.smack.roster.RosterEntry entry : roster.getEntries()) {
            for (Presence p : roster.getAvailablePresences(entry.getJid())) {
                if (p.isAvailable()) {
                    guarded("presence", () -> listener.presence(p));
                }
            }
        }
    }

    /**
     * Before the roster load of a new session that sends an initial presence: the vCard4 of contacts on our
     * server comes by PEP after that presence, not by request ({@link PepDelivery}).
     */
    public void expectPresenceBurst() {
        sync.expectPresenceBurst(connection.getXMPPServiceDomain().toString());
    }

    /**
     * Waits (bounded) until the roster just loaded has been handled on the contact thread: the first window of
     * vCard requests has been handed to Smack.
     */
    public void awaitRequestsSent() throws InterruptedException {
        // Smack may call the loaded listener just after reloadAndWait() returned
        rosterHandedOver.await(2, TimeUnit.SECONDS);
        sync.awaitIdle();
    }

    /** The presence burst is over; {@code complete} if our server answered the ping sent after it. */
    public void presenceBurstDone(boolean complete) {
        sync.presenceBurstDone(complete);
    }

    /** After a login that did not resume the stream: publish our reachability to PEP (XEP-0152 §4). */
    public void established(boolean resumed) {
        if (resumed || ownReach.isEmpty()) {
            return;
        }
        reach.publish(ownReach.get()).whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.info("could not publish our reachability to PEP: {}", failure.getMessage());
            } else {
                LOG.debug("reachability published to PEP");
            }
        });
    }

    public LoadStats stats() {
        return sync.stats();
    }

    public void refresh(String jid) {
        sync.refresh(jid);
    }

    public void refreshAll() {
        sync.refreshAll();
    }

    /** vcard-temp requests on this connection (e.g. a contact's picture). */
    public VCardTelManager vcardTemp() {
        return vcardTemp;
    }

    public void close() {
        sync.close();
        replies.close();
        replyTimer.shutdownNow();
    }

    /** One daemon thread for reply timeouts; a timeout cancelled by its reply leaves the queue at once. */
    private static ScheduledThreadPoolExecutor replyTimer(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Runs listener code on Smack's threads; whatever a contact sent, nothing is thrown back into Smack. */
    private static void guarded(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("ignored a {}: {}", what, e.toString());
        }
    }

    private List<RosterItem> items(Collection<Jid> jids) {
        List<RosterItem> items = new ArrayList<>();
        for (Jid jid : jids) {
            BareJid bare = jid.asBareJid();
            RosterEntry entry = roster.getEntry(bare);
            if (entry != null) {
                items.add(PresenceMapper.item(entry));
            }
        }
        return items;
    }

    private final class Loaded implements RosterLoadedListener {
        @Override
        public void onRosterLoaded(Roster loaded) {
            reloading = false;
            guarded("roster", () -> sync.rosterLoaded(loaded.getEntries().stream().map(PresenceMapper::item).toList()));
            rosterHandedOver.countDown();
            resyncPresences();
        }

        @Override
        public void onRosterLoadingFailed(Exception exception) {
            LOG.debug("roster loading failed: {}", exception.toString());
        }
    }

    private final class Listener implements RosterListener {
        @Override
        public void entriesAdded(Collection<Jid> jids) {
            if (!reloading) {
                guarded("roster push", () -> sync.rosterPushed(items(jids)));
            }
        }

        @Override
        public void entriesUpdated(Collection<Jid> jids) {
            if (!reloading) {
                guarded("roster push", () -> sync.rosterPushed(items(jids)));
            }
        }

        @Override
        public void entriesDeleted(Collection<Jid> jids) {
            if (!reloading) {
                guarded("roster push", () -> sync.rosterRemoved(jids.stream().map(j -> j.asBareJid().toString())
                        .toList()));
            }
        }

        @Override
        public void presenceChanged(Presence presence) {
            guarded("presence", () -> presence(presence));
        }

        private void presence(Presence presence) {
            Jid from = presence.getFrom();
            if (from == null) {
                return;
            }
            if (!presence.isAvailable() && !connection.isConnected()) {
                // Smack's own "everyone offline" when the connection drops: the stream may be resumed,
                // and a new session resets presences itself (sessionStarted)
                return;
            }
            BareJid bare = from.asBareJid();
            boolean available = presence.isAvailable();
            sync.presence(bare.toString(), PresenceMapper.presence(roster.getPresence(bare)),
                    from.getResourceOrEmpty().toString(), available,
                    available ? ReachManager.fromPresence(presence).map(ReachManager::callable).orElse(List.of())
                            : List.of(),
                    available ? VCardTelManager.advertisedPhoto(presence) : Optional.empty());
        }
    }
}
