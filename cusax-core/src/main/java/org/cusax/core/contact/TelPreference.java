package org.cusax.core.contact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which a contact's callable numbers are offered, by label. Default:
 * <b>Mobile, Work, Home, Video, Other</b>: the mobile reaches the person wherever they are, the work
 * number during the day; a video line only when asked. Labels the configuration leaves out follow in
 * that default order. Within one label a number the contact marked PREF comes first, then the order of
 * the sources and of the vCard.
 *
 * @param order   callable labels, most preferred first, each once (FAX and PAGER are never offered)
 * @param decides whether the most preferred number is called at once instead of offering the choice
 *                ({@code contacts.tel-preference-decides})
 */
public record TelPreference(List<TelLabel> order, boolean decides) {
    private static final List<TelLabel> DEFAULT_ORDER =
            List.of(TelLabel.MOBILE, TelLabel.WORK, TelLabel.HOME, TelLabel.VIDEO, TelLabel.OTHER);

    public TelPreference {
        if (order == null || order.stream().anyMatch(l -> l == null)) {
            throw new IllegalArgumentException("the preference order is missing");
        }
        EnumSet<TelLabel> seen = EnumSet.noneOf(TelLabel.class);
        List<TelLabel> full = new ArrayList<>();
        for (TelLabel label : order) {
            if (!DEFAULT_ORDER.contains(label)) {
                throw new IllegalArgumentException(label.text() + " numbers are never called; preference labels are "
                        + tokens(DEFAULT_ORDER));
            }
            if (!seen.add(label)) {
                throw new IllegalArgumentException(label.text() + " appears twice in the preference order");
            }
            full.add(label);
        }
        DEFAULT_ORDER.stream().filter(l -> !seen.contains(l)).forEach(full::add);
        order = List.copyOf(full);
    }

    /** The order only: a contact with several numbers is asked about. */
    public TelPreference(List<TelLabel> order) {
        this(order, false);
    }

    /** The same order; {@code decides}: the most preferred number is called without asking. */
    public TelPreference deciding(boolean decides) {
        return new TelPreference(order, decides);
    }

    public static TelPreference defaults() {
        return new TelPreference(DEFAULT_ORDER);
    }

    /** Reads a configuration value such as {@code "work, mobile"}; an empty value gives the default. */
    public static TelPreference parse(String text) {
        List<TelLabel> labels = new ArrayList<>();
        for (String token : (text == null ? "" : text).split("[,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            labels.add(TelLabel.fromToken(token).orElseThrow(() -> new IllegalArgumentException(
                    "unknown number label '" + token + "' (expected " + tokens(DEFAULT_ORDER) + ")")));
        }
        return new TelPreference(labels);
    }

    /**
     * The callable addresses among {@code tels}, most preferred first, each distinct normalized address
     * once (the best-ranked entry is kept when several sources list the same number).
     */
    public List<TelAddress> order(List<TelAddress> tels) {
        Comparator<TelAddress> byPreference = Comparator.<TelAddress>comparingInt(t -> order.indexOf(t.label()))
                .thenComparing(t -> !t.preferred());
        Map<String, TelAddress> unique = new LinkedHashMap<>();
        tels.stream().filter(TelAddress::callable).sorted(byPreference)
                .forEach(t -> unique.putIfAbsent(t.normalized().orElseThrow(), t));
        return List.copyOf(unique.values());
    }

    /** The configuration form, e.g. {@code mobile,work,home,video,other}. */
    public String toConfig() {
        return tokens(order);
    }

    private static String tokens(List<TelLabel> labels) {
        return String.join(",", labels.stream().map(TelLabel::token).toList());
    }

    @Override
    public String toString() {
        return Arrays.toString(order.stream().map(TelLabel::text).toArray());
    }
}
