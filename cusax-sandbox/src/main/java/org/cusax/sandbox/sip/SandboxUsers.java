package org.cusax.sandbox.sip;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The sandbox's SIP accounts: user name (the user part of {@code sip:user@domain}) and either a password
 * or, for accounts that come from a user directory, only their digest HA1 values (RFC 7616 §3.4.2: what a
 * registrar needs instead of the password).
 */
public final class SandboxUsers {
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._+-]{1,64}");

    private static final Pattern GLOBAL_NUMBER = Pattern.compile("\\+[0-9][0-9 ().-]{1,30}");

    private final Map<String, char[]> passwords = new ConcurrentHashMap<>();
    private final Map<String, String> numbers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> ha1s = new ConcurrentHashMap<>();

    /** Adds or replaces a user; the name must be a plain SIP user part. */
    public void add(String user, String password) {
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("bad SIP user name '" + user + "' (letters, digits, . _ + - only)");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("a password is required for " + user);
        }
        ha1s.remove(user);
        char[] old = passwords.put(user, password.toCharArray());
        if (old != null) {
            Arrays.fill(old, '\0');
        }
    }

    /**
     * Adds or replaces a user known only by its HA1 values (hex of H(user:realm:password)), keyed by digest
     * algorithm ({@code MD5}, {@code SHA-256}); the realm must be the registrar's.
     */
    public void addHashed(String user, Map<String, String> ha1ByAlgorithm) {
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("bad SIP user name '" + user + "' (letters, digits, . _ + - only)");
        }
        if (ha1ByAlgorithm.isEmpty() || ha1ByAlgorithm.values().stream().anyMatch(h -> !h.matches("[0-9a-f]{32,64}"))) {
            throw new IllegalArgumentException("HA1 values (lower-case hex) are required for " + user);
        }
        char[] old = passwords.remove(user);
        if (old != null) {
            Arrays.fill(old, '\0');
        }
        ha1s.put(user, Map.copyOf(ha1ByAlgorithm));
    }

    public boolean exists(String user) {
        return user != null && (passwords.containsKey(user) || ha1s.containsKey(user));
    }

    /** The stored HA1 of a user added by {@link #addHashed} for {@code algorithm}, if any. */
    Optional<String> storedHa1(String user, String algorithm) {
        Map<String, String> h = user == null ? null : ha1s.get(user);
        return h == null ? Optional.empty() : Optional.ofNullable(h.get(algorithm));
    }

    /** A copy of the password (wipe it after use), or empty for an unknown user. */
    Optional<char[]> password(String user) {
        char[] p = user == null ? null : passwords.get(user);
        return p == null ? Optional.empty() : Optional.of(p.clone());
    }

    /**
     * Gives {@code user} a global phone number (E.164 with {@code +}; visual separators (space, {@code - . ( )})
     * allowed, RFC 3966 §5.1.1): calls to {@code tel:+…} or {@code sip:+…@domain} for it reach the user.
     */
    public void addNumber(String globalNumber, String user) {
        if (globalNumber == null || !GLOBAL_NUMBER.matcher(globalNumber).matches()) {
            throw new IllegalArgumentException("not a global number (+ and digits): '" + globalNumber + "'");
        }
        if (!exists(user)) {
            throw new IllegalArgumentException("no SIP user '" + user + "' for number " + globalNumber);
        }
        numbers.put(digits(globalNumber), user);
    }

    /** The user owning a global number ({@code +33…}, separators ignored), if any. */
    public Optional<String> ownerOf(String number) {
        if (number == null || !number.startsWith("+")) {
            return Optional.empty();
        }
        return Optional.ofNullable(numbers.get(digits(number)));
    }

    private static String digits(String number) {
        return "+" + number.replaceAll("[^0-9]", "");
    }
}
