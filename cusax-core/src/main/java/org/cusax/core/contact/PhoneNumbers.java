package org.cusax.core.contact;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers to phone keys with libphonenumber: {@code tel:+E164} plus {@code ;ext=N} when there is
 * an extension. A number must have a full possible length for its country (a bare "4321" or a local-only
 * 7-digit US number is not a phone key: we could not tell which one it is).
 */
final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** RFC 3966 visual separators, plus spaces and slashes that people type. */
    private static final Pattern VISUAL = Pattern.compile("[\\-.()\\s/]");
    private static final Pattern GLOBAL_DIGITS = Pattern.compile("\\+[0-9]+");
    private static final Pattern LOCAL_DIGITS = Pattern.compile("[0-9*#a-fA-F]+");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");

    private final String region;

    PhoneNumbers(String region) {
        this.region = region;
    }

    /**
     * A number written for people: national ({@code 06 12 34 56 78}) or international ({@code +33 …},
     * {@code 0033 …}), with separators and an extension ({@code x12}, {@code ext. 12}, {@code ;ext=12}).
     */
    Optional<String> number(String text) {
        String t = text.strip();
        if (t.isEmpty() || !(t.charAt(0) == '+' || t.charAt(0) == '(' || Character.isDigit(t.charAt(0)))) {
            return Optional.empty();
        }
        PhoneNumber n = parse(t);
        // isValidNumber (libphonenumber's costliest check) only where it decides something: a "00" prefix
        if (t.startsWith("00") && (n == null || !UTIL.isValidNumber(n))) {
            // An international "00" prefix in a region whose own prefix differs (e.g. 011 in the US).
            PhoneNumber plus = parse("+" + t.substring(2));
            if (plus != null && (n == null || UTIL.isValidNumber(plus) || !fullLength(n))) {
                n = plus;
            }
        }
        return n != null && fullLength(n) ? Optional.of(key(n)) : Optional.empty();
    }

    /**
     * The body of a {@code tel:} URI (RFC 3966), or a SIP user part with user=phone (RFC 3261 §19.1.6):
     * {@code +33-6-12-34-56-78;ext=12}, {@code 863-1234;phone-context=+1-914-555},
     * {@code 7042;phone-context=example.com}. Parameters other than ext and phone-context (isub, postd…)
     * do not change which party is called and are dropped.
     */
    Optional<String> telBody(String body) {
        String[] parts = body.split(";", -1);
        String digits = VISUAL.matcher(parts[0]).replaceAll("");
        Map<String, String> params = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String name = (eq >= 0 ? parts[i].substring(0, eq) : parts[i]).strip().toLowerCase(Locale.ROOT);
            params.putIfAbsent(name, eq >= 0 ? parts[i].substring(eq + 1).strip() : "");
        }
        String ext = params.containsKey("ext") ? VISUAL.matcher(params.get("ext")).replaceAll("") : null;
        if (ext != null && (ext.isEmpty() || !ext.chars().allMatch(Character::isDigit))) {
            return Optional.empty();
        }
        String context = params.get("phone-context");
        String candidate;
        if (digits.startsWith("+")) {
            candidate = digits;
        } else if (context != null && context.startsWith("+")) {
            candidate = VISUAL.matcher(context).replaceAll("") + digits;
        } else {
            candidate = digits;
        }
        if (GLOBAL_DIGITS.matcher(candidate).matches() || candidate.chars().allMatch(Character::isDigit)) {
            PhoneNumber n = candidate.isEmpty() ? null : parse(candidate);
            if (n != null && fullLength(n)) {
                if (ext != null) {
                    n.setExtension(ext);
                }
                return Optional.of(key(n));
            }
        }
        // A local number valid only in a domain's context (RFC 3966 §5.1.5): keep it with its context.
        String domain = context == null ? "" : context.toLowerCase(Locale.ROOT);
        if (!digits.startsWith("+") && LOCAL_DIGITS.matcher(digits).matches() && DOMAIN.matcher(domain).matches()) {
            return Optional.of("tel:" + digits.toUpperCase(Locale.ROOT) + (ext == null ? "" : ";ext=" + ext)
                    + ";phone-context=" + domain);
        }
        return Optional.empty();
    }

    /**
     * A phone key ({@code tel:+E164[;ext=N]}) as people write it: the national format for a number of
     * the default region, the international format otherwise; empty if it is not a phone key.
     */
    Optional<String> format(String key) {
        if (!key.startsWith("tel:+")) {
            return Optional.empty();
        }
        PhoneNumber n = parse(key.substring(4).replace(";ext=", " ext. "));
        if (n == null) {
            return Optional.empty();
        }
        boolean home = region.equals(UTIL.getRegionCodeForNumber(n));
        return Optional.of(UTIL.format(n, home ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL));
    }

    private PhoneNumber parse(String text) {
        try {
            return UTIL.parse(text, region);
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static boolean fullLength(PhoneNumber n) {
        return UTIL.isPossibleNumberWithReason(n) == ValidationResult.IS_POSSIBLE;
    }

    private static String key(PhoneNumber n) {
        String e164 = UTIL.format(n, PhoneNumberFormat.E164);
        return n.hasExtension() && !n.getExtension().isEmpty() ? "tel:" + e164 + ";ext=" + n.getExtension() : "tel:" + e164;
    }
}
