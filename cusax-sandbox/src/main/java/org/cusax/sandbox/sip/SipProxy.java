package org.cusax.sandbox.sip;

import java.text.ParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.header.AllowHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stateful proxy (RFC 3261 §16) and request dispatcher of the sandbox. Every request gets a
 * server transaction; REGISTER goes to the {@link Registrar}; an out-of-dialog request from one of
 * our users must carry digest credentials (407, §22.3); the target is the most recent binding of the
 * Request-URI's address-of-record (404 for an unknown user, 480 for one with no binding). Forwarded
 * requests get Max-Forwards decremented (483 at zero), our Via, and — for dialog-creating methods —
 * Record-Route (two of them when the transport changes, RFC 5658), so in-dialog requests come back
 * through us and are loose-routed (§16.4, §16.12). Responses go back on the server transaction with
 * our Via removed; a CANCEL is answered 200 and sent on to the pending INVITE (§16.10), whose 487
 * comes back the normal way. ACKs for 2xx, and 2xx retransmissions, are forwarded statelessly.
 */
final class SipProxy implements SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(SipProxy.class);
    private static final Set<String> RECORD_ROUTED = Set.of(Request.INVITE, Request.SUBSCRIBE, Request.REFER,
            Request.NOTIFY);
    private static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE, INFO, REGISTER, MESSAGE, "
            + "SUBSCRIBE, NOTIFY, REFER, PRACK";

    /** What a client transaction carries: where its responses go and which pending INVITE it is. */
    private record Link(ServerTransaction server, String inviteKey) {
    }

    private static final String P_ASSERTED_IDENTITY = "P-Asserted-Identity";
    private static final String P_PREFERRED_IDENTITY = "P-Preferred-Identity";

    private final String domain;
    private final String host;
    private final SipProvider provider;
    private final HeaderFactory headers;
    private final SandboxUsers users;
    private final LocationService location;
    private final DigestGuard guard;
    private final Registrar registrar;
    private final Replies replies;
    private final ConnectionAliasRouter router;
    private final PendingInvites pending;
    private final ProxyHops hops;

    SipProxy(String domain, String host, Set<Integer> ports, SipProvider provider, HeaderFactory headers,
             AddressFactory addresses, SandboxUsers users, LocationService location, DigestGuard guard,
             Registrar registrar, Replies replies, ConnectionAliasRouter router) {
        this.domain = domain;
        this.host = host;
        this.provider = provider;
        this.headers = headers;
        this.users = users;
        this.location = location;
        this.guard = guard;
        this.registrar = registrar;
        this.replies = replies;
        this.router = router;
        this.pending = new PendingInvites(provider);
        this.hops = new ProxyHops(domain, host, ports, provider, headers, addresses);
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request req = event.getRequest();
        try {
            router.learn(req);
            switch (req.getMethod()) {
                case Request.ACK -> {
                    if (event.getServerTransaction() == null) {
                        forwardAck(req);
                    }
                }
                case Request.CANCEL -> cancel(event, req);
                default -> handle(event, req);
            }
        } catch (ParseException | SipException | RuntimeException e) {
            LOG.warn("could not handle {} {}: {}", req.getMethod(), req.getRequestURI(), e.toString());
        }
    }

    private void handle(RequestEvent event, Request req) throws ParseException, SipException {
        ServerTransaction st = event.getServerTransaction();
        if (st == null) {
            try {
                st = provider.getNewServerTransaction(req);
            } catch (TransactionAlreadyExistsException | TransactionUnavailableException e) {
                return; // a retransmission the stack already handles, or a request it cannot answer
            }
        }
        Request work = (Request) req.clone();
        hops.popOwnRoutes(work);
        MaxForwardsHeader mf = (MaxForwardsHeader) work.getHeader(MaxForwardsHeader.NAME);
        boolean forUs = hops.addressedToUs(work.getRequestURI());
        if (mf != null && mf.getMaxForwards() <= 0 && !forUs) {
            replies.send(st, req, Response.TOO_MANY_HOPS, null);
            return;
        }
        boolean inDialog = ((ToHeader) work.getHeader(ToHeader.NAME)).getTag() != null;
        if (work.getMethod().equals(Request.REGISTER) && !inDialog) {
            registrar.register(st, work);
            return;
        }
        if (inDialog || work.getHeader(RouteHeader.NAME) != null) {
            if (work.getHeader(RouteHeader.NAME) == null && hops.pointsAtUs(work.getRequestURI())) {
                // a peer that ignored our Record-Route sent its in-dialog request to us by address
                Optional<URI> target = resolve(st, req, work.getRequestURI());
                if (target.isPresent()) {
                    forward(st, req, work, target.get(), false);
                }
                return;
            }
            forward(st, req, work, work.getRequestURI(), false);
            return;
        }
        if (forUs) {
            answerForUs(st, req);
            return;
        }
        if (!authorized(st, req, work)) {
            return;
        }
        assertIdentity(work);
        Optional<URI> target = resolve(st, req, work.getRequestURI());
        if (target.isPresent()) {
            forward(st, req, work, target.get(), true);
        }
    }

    /** OPTIONS to the proxy itself is answered (keepalive, capability query); anything else is refused. */
    private void answerForUs(ServerTransaction st, Request req) throws ParseException {
        if (!req.getMethod().equals(Request.OPTIONS)) {
            replies.send(st, req, Response.NOT_FOUND, "No user in the Request-URI");
            return;
        }
        Response r = replies.create(req, Response.OK, null);
        AllowHeader allow = headers.createAllowHeader(ALLOW);
        r.addHeader(allow);
        replies.send(st, r);
    }

    /** Out-of-dialog requests from our domain need Proxy-Authorization for the From user (§22.3). */
    private boolean authorized(ServerTransaction st, Request req, Request work) throws ParseException {
        URI fromUri = ((FromHeader) work.getHeader(FromHeader.NAME)).getAddress().getURI();
        if (!(fromUri instanceof SipURI from) || !domain.equalsIgnoreCase(from.getHost())) {
            return true; // from elsewhere to one of our users: not ours to authenticate
        }
        DigestGuard.Verdict verdict = guard.verify(work, true, from.getUser());
        switch (verdict) {
            case OK -> {
                work.removeHeader(ProxyAuthorizationHeader.NAME);
                return true;
            }
            case WRONG -> {
                LOG.info("{} from {} refused: wrong credentials", req.getMethod(), from.getUser());
                replies.send(st, req, Response.FORBIDDEN, "Wrong credentials");
                return false;
            }
            case STALE, MISSING -> {
                Response r = replies.create(req, Response.PROXY_AUTHENTICATION_REQUIRED, null);
                guard.challenge(r, verdict == DigestGuard.Verdict.STALE);
                replies.send(st, r);
                return false;
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * RFC 3325 §5: the proxy is the edge of the trust domain its users' clients trust
     * ({@code sip.trusted-proxy}), like the production Kamailio: an asserted identity from the caller is
     * never passed on, and a caller of our domain (authenticated by {@link #authorized}, digest user =
     * From user) gets one naming that user.
     */
    private void assertIdentity(Request work) throws ParseException {
        work.removeHeader(P_ASSERTED_IDENTITY);
        work.removeHeader(P_PREFERRED_IDENTITY);
        URI fromUri = ((FromHeader) work.getHeader(FromHeader.NAME)).getAddress().getURI();
        if (fromUri instanceof SipURI from && domain.equalsIgnoreCase(from.getHost()) && from.getUser() != null) {
            work.addHeader(headers.createHeader(P_ASSERTED_IDENTITY, "<sip:" + from.getUser() + "@" + domain + ">"));
        }
    }

    /**
     * The location-service lookup (§16.5): a binding of our domain's user, or a registered contact. A
     * global number ({@code tel:+…}, RFC 3966, or {@code sip:+…@domain}) is first mapped to the user
     * that owns it in the sandbox's number plan ({@link SandboxUsers#addNumber}).
     */
    private Optional<URI> resolve(ServerTransaction st, Request req, URI requestUri) {
        if (requestUri instanceof TelURL tel) {
            Optional<String> owner = tel.isGlobal() ? users.ownerOf("+" + tel.getPhoneNumber()) : Optional.empty();
            if (owner.isEmpty()) {
                replies.send(st, req, Response.NOT_FOUND, "No such number in the sandbox");
                return Optional.empty();
            }
            return bindingOf(st, req, owner.get());
        }
        if (!(requestUri instanceof SipURI uri) || uri.getUser() == null) {
            replies.send(st, req, Response.NOT_FOUND, "Not a user of " + domain);
            return Optional.empty();
        }
        if (hops.pointsAtUs(uri)) {
            return bindingOf(st, req, users.ownerOf(uri.getUser()).orElse(uri.getUser()));
        }
        if (location.isContact(uri)) {
            return Optional.of(uri);
        }
        replies.send(st, req, Response.NOT_FOUND, "The sandbox routes to " + domain + " only");
        return Optional.empty();
    }

    private Optional<URI> bindingOf(ServerTransaction st, Request req, String user) {
        Optional<Binding> binding = location.target(LocationService.aor(user, domain));
        if (binding.isPresent()) {
            return Optional.of((URI) binding.get().contact().clone());
        }
        if (users.exists(user)) {
            replies.send(st, req, Response.TEMPORARILY_UNAVAILABLE, "Not registered");
        } else {
            replies.send(st, req, Response.NOT_FOUND, null);
        }
        return Optional.empty();
    }

    private void forward(ServerTransaction st, Request original, Request out, URI target, boolean recordRoute)
            throws ParseException, SipException {
        out.setRequestURI(target);
        if (!hops.nextHopIsLocal(out)) {
            replies.send(st, original, Response.FORBIDDEN, "The sandbox only routes on 127.0.0.1");
            return;
        }
        hops.decrementMaxForwards(out);
        String transport = hops.nextHopTransport(out);
        ListeningPoint lp = provider.getListeningPoint(transport);
        if (lp == null) {
            replies.send(st, original, Response.SERVER_INTERNAL_ERROR, "No " + transport + " listener");
            return;
        }
        if (recordRoute && RECORD_ROUTED.contains(out.getMethod())) {
            String inbound = ((ViaHeader) original.getHeader(ViaHeader.NAME)).getTransport().toLowerCase(Locale.ROOT);
            out.addFirst(hops.recordRoute(inbound));
            if (!inbound.equals(transport)) {
                out.addFirst(hops.recordRoute(transport));
            }
        }
        out.addFirst(hops.via(lp, transport));
        ClientTransaction ct;
        try {
            ct = provider.getNewClientTransaction(out);
        } catch (TransactionUnavailableException e) {
            LOG.info("cannot forward {} to {}: {}", out.getMethod(), target, e.getMessage());
            replies.send(st, original, Response.SERVICE_UNAVAILABLE, "Next hop unreachable");
            return;
        }
        String key = null;
        if (out.getMethod().equals(Request.INVITE)) {
            key = hops.topBranch(original);
            pending.track(key, ct);
        }
        ct.setApplicationData(new Link(st, key));
        try {
            ct.sendRequest();
        } catch (SipException e) {
            pending.forget(key);
            LOG.info("forwarding {} to {} failed: {}", out.getMethod(), target, e.getMessage());
            replies.send(st, original, Response.TEMPORARILY_UNAVAILABLE, "Cannot reach the user");
        }
    }

    private void forwardAck(Request req) throws ParseException, SipException {
        Request out = (Request) req.clone();
        hops.popOwnRoutes(out);
        if (out.getHeader(RouteHeader.NAME) == null && out.getRequestURI() instanceof SipURI u && hops.pointsAtUs(u)) {
            // from a peer that ignored our Record-Route (the ACK of a non-2xx response never gets here:
            // the transaction layer absorbs it)
            Optional<Binding> b = u.getUser() != null
                    ? location.target(LocationService.aor(u.getUser(), domain)) : Optional.empty();
            if (b.isEmpty()) {
                return;
            }
            out.setRequestURI((URI) b.get().contact().clone());
        }
        if (!hops.nextHopIsLocal(out)) {
            return;
        }
        hops.decrementMaxForwards(out);
        String transport = hops.nextHopTransport(out);
        ListeningPoint lp = provider.getListeningPoint(transport);
        if (lp == null) {
            return;
        }
        out.addFirst(hops.via(lp, transport));
        provider.sendRequest(out);
    }

    private void cancel(RequestEvent event, Request req) throws ParseException {
        ServerTransaction st = event.getServerTransaction();
        if (st == null) {
            try {
                st = provider.getNewServerTransaction(req);
            } catch (TransactionAlreadyExistsException | TransactionUnavailableException e) {
                return;
            }
        }
        String key = hops.topBranch(req);
        if (!pending.isPending(key)) {
            replies.send(st, req, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        replies.send(st, req, Response.OK, null);
        pending.cancel(key);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response r = event.getResponse();
        ClientTransaction ct = event.getClientTransaction();
        int status = r.getStatusCode();
        try {
            if (ct == null) {
                forwardStray(r);
                return;
            }
            if (!(ct.getApplicationData() instanceof Link link) || status == Response.TRYING) {
                return; // the answer to one of our CANCELs, or hop-by-hop 100 Trying
            }
            pending.responded(link.inviteKey(), status);
            Response out = (Response) r.clone();
            out.removeFirst(ViaHeader.NAME);
            replies.send(link.server(), out);
        } catch (RuntimeException | SipException e) {
            LOG.warn("could not forward a {} response: {}", status, e.toString());
        }
    }

    /** 2xx retransmissions of INVITE arrive after the client transaction ended (§16.7 step 10). */
    private void forwardStray(Response r) throws SipException {
        if (r.getStatusCode() / 100 != 2 || r.getHeader(ViaHeader.NAME) == null) {
            return;
        }
        ViaHeader top = (ViaHeader) r.getHeader(ViaHeader.NAME);
        if (!host.equals(top.getHost()) || top.getBranch() == null || !top.getBranch().startsWith("z9hG4bK-sbx-")) {
            return; // not through us
        }
        Response out = (Response) r.clone();
        out.removeFirst(ViaHeader.NAME);
        if (out.getHeader(ViaHeader.NAME) != null) {
            provider.sendResponse(out);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        ClientTransaction ct = event.getClientTransaction();
        if (ct != null && ct.getApplicationData() instanceof Link link) {
            pending.forget(link.inviteKey());
            replies.send(link.server(), link.server().getRequest(), Response.REQUEST_TIMEOUT, "No answer");
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("I/O problem with {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        if (!event.isServerTransaction() && event.getClientTransaction().getApplicationData() instanceof Link link) {
            pending.forget(link.inviteKey());
        }
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // the proxy keeps no dialog state
    }
}
