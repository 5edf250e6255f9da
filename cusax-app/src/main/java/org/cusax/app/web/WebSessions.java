package org.cusax.app.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The browser's credentials: one-time sign-in codes (random, single use, short-lived) and the session
 * credentials a used code is exchanged for. Neither is the API token; a session credential only lives in
 * an HttpOnly cookie and in this daemon's memory (a restart signs every page out). Comparisons are
 * constant-time; nothing here is ever logged ({@link #toString} hides it).
 */
public final class WebSessions {
    /** How long a sign-in code may wait before it is used. */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(2);
    /** Sign-in codes and sessions kept at most; the oldest are dropped. */
    static final int MAX_CODES = 16;
    static final int MAX_SESSIONS = 32;

    private final SecureRandom random;
    private final Clock clock;
    private final Map<String, Instant> codes = new LinkedHashMap<>();
    private final Deque<byte[]> sessions = new ArrayDeque<>();

    public WebSessions(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** A new single-use sign-in code, valid for {@link #CODE_LIFETIME}. */
    public synchronized String newCode() {
        String code = randomValue();
        codes.put(code, clock.instant().plus(CODE_LIFETIME));
        while (codes.size() > MAX_CODES) {
            Iterator<String> oldest = codes.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return code;
    }

    /**
     * Burns {@code code} and returns a new session credential when the code was issued here, never used
     * and is not expired; empty otherwise (the code is burnt either way).
     */
    public synchronized Optional<String> redeem(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        codes.values().removeIf(expiry -> !now.isBefore(expiry));
        String found = null;
        for (String c : codes.keySet()) {
            if (MessageDigest.isEqual(c.getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII))) {
                found = c;
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        codes.remove(found);
        String session = randomValue();
        sessions.addLast(session.getBytes(StandardCharsets.US_ASCII));
        while (sessions.size() > MAX_SESSIONS) {
            sessions.removeFirst();
        }
        return Optional.of(session);
    }

    /** Whether {@code credential} is a live session credential. */
    public synchronized boolean accepts(String credential) {
        if (credential == null || credential.isEmpty()) {
            return false;
        }
        byte[] given = credential.getBytes(StandardCharsets.US_ASCII);
        boolean ok = false;
        for (byte[] s : sessions) {
            ok |= MessageDigest.isEqual(s, given);
        }
        return ok;
    }

    /** Codes not yet used (expired ones included until the next redeem); for tests. */
    synchronized int pendingCodes() {
        return codes.size();
    }

    private String randomValue() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    @Override
    public String toString() {
        return "WebSessions[hidden]";
    }
}
