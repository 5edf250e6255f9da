package org.cusax.sandbox.xmpp.sasl;

import java.util.Optional;
import java.util.function.Function;

import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityFormatException;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.modules.core.sasl.SASLFailureType;
import org.apache.vysper.xmpp.protocol.SessionStateHolder;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.server.SessionState;
import org.apache.vysper.xmpp.stanza.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SCRAM-SHA-1 (RFC 5802, as used by XMPP per RFC 6120 §6) for Vysper: {@code <auth/>} carries the
 * client-first-message and is answered with a {@code <challenge/>}; the {@code <response/>} carries the
 * proof and is answered with {@code <success/>} holding the server signature, or {@code <failure/>}.
 * The -PLUS variant (channel binding) is not offered.
 */
public final class ScramSha1Mechanism implements SaslStepMechanism {
    public static final String NAME = "SCRAM-SHA-1";
    private static final Logger LOG = LoggerFactory.getLogger(ScramSha1Mechanism.class);
    private static final String EXCHANGE = ScramSha1Mechanism.class.getName() + ".exchange";

    private final Function<Entity, Optional<ScramCredentials>> credentials;

    /** @param credentials the credentials of an account by its bare JID */
    public ScramSha1Mechanism(Function<Entity, Optional<ScramCredentials>> credentials) {
        this.credentials = credentials;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Stanza started(SessionContext session, SessionStateHolder state, Stanza auth) {
        reset(session);
        String domain = session.getServerJID().getDomain();
        ScramServerExchange exchange = new ScramServerExchange(user -> account(user, domain).flatMap(credentials));
        try {
            Optional<String> clientFirst = SaslStanzas.payload(auth);
            if (clientFirst.isEmpty()) {
                return SaslStanzas.failure(SASLFailureType.MALFORMED_REQUEST);
            }
            String serverFirst = exchange.challenge(clientFirst.get());
            session.putAttribute(EXCHANGE, exchange);
            return SaslStanzas.challenge(serverFirst);
        } catch (IllegalArgumentException e) {
            return SaslStanzas.failure(SASLFailureType.INCORRECT_ENCODING);
        } catch (ScramException e) {
            LOG.info("SCRAM-SHA-1 refused: {}", e.getMessage());
            return SaslStanzas.failure(SASLFailureType.MALFORMED_REQUEST);
        }
    }

    @Override
    public Stanza responded(SessionContext session, SessionStateHolder state, Stanza response) {
        ScramServerExchange exchange = (ScramServerExchange) session.getAttribute(EXCHANGE);
        reset(session);
        if (exchange == null) {
            return SaslStanzas.failure(SASLFailureType.MALFORMED_REQUEST);
        }
        String domain = session.getServerJID().getDomain();
        try {
            Optional<String> clientFinal = SaslStanzas.payload(response);
            if (clientFinal.isEmpty()) {
                return SaslStanzas.failure(SASLFailureType.MALFORMED_REQUEST);
            }
            String serverFinal = exchange.finish(clientFinal.get());
            Entity user = account(exchange.username().orElseThrow(), domain).orElseThrow();
            session.setInitiatingEntity(user);
            state.setState(SessionState.AUTHENTICATED);
            LOG.info("{} authenticated with SCRAM-SHA-1", user.getFullQualifiedName());
            return SaslStanzas.success(serverFinal);
        } catch (IllegalArgumentException e) {
            return SaslStanzas.failure(SASLFailureType.INCORRECT_ENCODING);
        } catch (ScramException e) {
            LOG.info("SCRAM-SHA-1 failed for {}: {}", exchange.username().orElse("?"), e.getMessage());
            return SaslStanzas.failure(SASLFailureType.NOT_AUTHORIZED);
        }
    }

    @Override
    public void reset(SessionContext session) {
        session.putAttribute(EXCHANGE, null);
    }

    /** The account a SCRAM user name stands for: {@code alice} → {@code alice@domain}; a bare JID of our domain as is. */
    static Optional<Entity> account(String username, String domain) {
        String jid = username.contains("@") ? username : username + "@" + domain;
        try {
            Entity e = EntityImpl.parse(jid);
            return e.isNodeSet() && !e.isResourceSet() && domain.equals(e.getDomain()) ? Optional.of(e) : Optional.empty();
        } catch (EntityFormatException e) {
            return Optional.empty();
        }
    }
}
