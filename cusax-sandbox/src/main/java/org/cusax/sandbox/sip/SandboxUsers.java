package org.cusax.sandbox.sip;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The sandbox's SIP accounts: user name (the user part of {@code sip:user@domain}) and password. */
public final class SandboxUsers {
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._+-]{1,64}");

    private static final Pattern GLOBAL_NUMBER = Pattern.compile("\\+[0-9][0-9 ().-]{1,30}");

    private final Map<String, char[]> passwords = new ConcurrentHashMap<>();
    private final Map<String, String> numbers = new ConcurrentHashMap<>();

    /** Adds or replaces a user; the name must be a plain SIP user part. */
    public void add(String user, String password) {
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("bad SIP user name '" + user + "' (letters, digits, . _ + - only)");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("a password is required for " + user);
        }
        char[] old = passwords.put(user, password.toCharArray());
        if (old != null) {
            Arrays.fill(old, '\0');
        }
    }

    public boolean exists(String user) {
        return user != null && passwords.containsKey(user);
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
