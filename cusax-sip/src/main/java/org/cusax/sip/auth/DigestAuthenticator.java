package org.cusax.sip.auth;

import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.message.Request;

import org.cusax.core.account.Secret;

/**
 * Answers digest challenges on our requests. Keeps the last challenges it answered so that refreshes
 * can carry credentials straight away (nonce count incremented, RFC 7616 §3.4), saving the 401 round
 * trip while the server still accepts the nonce. Not thread-safe: used from the registration thread.
 */
public final class DigestAuthenticator {
    private static final int MAX_TRACKED_NONCES = 16;

    private final String username;
    private final Secret password;
    private final ChallengeSelector selector;
    private final HeaderFactory headerFactory;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Integer> nonceCounts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_TRACKED_NONCES;
        }
    };
    private List<DigestChallenge> lastAnswered = List.of();

    public DigestAuthenticator(String username, Secret password, ChallengeSelector selector,
                               HeaderFactory headerFactory) {
        this.username = username;
        this.password = password;
        this.selector = selector;
        this.headerFactory = headerFactory;
    }

    /**
     * Adds credentials answering the best of {@code offered} to {@code request}.
     *
     * @return the algorithm used (e.g. {@code SHA-256}); empty when no challenge is acceptable
     */
    public Optional<String> answer(Request request, List<DigestChallenge> offered) {
        List<DigestChallenge> chosen = selector.select(offered);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        lastAnswered = chosen;
        return authorize(request, chosen);
    }

    /** Adds credentials from the last answered challenges, if any (for refreshes). */
    public Optional<String> answerPreemptively(Request request) {
        return lastAnswered.isEmpty() ? Optional.empty() : authorize(request, lastAnswered);
    }

    /** Drops cached challenges, e.g. after the server rejected them or the connection changed. */
    public void forget() {
        lastAnswered = List.of();
    }

    private Optional<String> authorize(Request request, List<DigestChallenge> challenges) {
        request.removeHeader(AuthorizationHeader.NAME);
        request.removeHeader(ProxyAuthorizationHeader.NAME);
        char[] pw = password.chars();
        try {
            for (DigestChallenge c : challenges) {
                request.addHeader(credentials(request, c, pw));
            }
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build the digest credentials header: " + e.getMessage(), e);
        } finally {
            Arrays.fill(pw, '\0');
        }
        return Optional.of(challenges.get(0).algorithm());
    }

    private AuthorizationHeader credentials(Request request, DigestChallenge c, char[] pw) throws ParseException {
        AuthorizationHeader h = c.proxy() ? headerFactory.createProxyAuthorizationHeader("Digest")
                : headerFactory.createAuthorizationHeader("Digest");
        String digestUri = request.getRequestURI().toString();
        h.setUsername(username);
        h.setRealm(c.realm());
        h.setNonce(c.nonce());
        h.setURI(request.getRequestURI());
        h.setAlgorithm(c.algorithm());
        String response;
        if (c.qopOptions().isEmpty()) {
            response = DigestCalculator.response(c.algorithm(), username, c.realm(), pw, request.getMethod(),
                    digestUri, c.nonce(), null, null, null);
        } else {
            int nc = nonceCounts.merge(c.nonce(), 1, Integer::sum);
            String cnonce = cnonce();
            h.setQop("auth");
            h.setCNonce(cnonce);
            h.setNonceCount(nc);
            response = DigestCalculator.response(c.algorithm(), username, c.realm(), pw, request.getMethod(),
                    digestUri, c.nonce(), String.format("%08x", nc), cnonce, "auth");
        }
        if (c.opaque().isPresent()) {
            h.setOpaque(c.opaque().get());
        }
        h.setResponse(response);
        return h;
    }

    private String cnonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
