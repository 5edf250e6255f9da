package org.cusax.app.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A contact's numbers as a one-line human listing shows them ({@code cusax roster}, the daemon's remote
 * output): each address once. The core keeps the same number from two sources as two entries (a directory
 * fills both the vcard-temp and the vCard4 of a user: {@code Mobile tel:+33698765432} twice), and the
 * listing does not say where a number came from, so the second would read as a duplicate. The first entry
 * of each address is shown, in the core's source order; {@code --json} keeps every entry with its source.
 */
final class DistinctTels {
    private DistinctTels() {
    }

    /**
     * @param address the address an entry stands for: its normalized form, or the text as given when it has
     *                none (unparseable addresses are told apart by their text)
     */
    static <T> List<T> of(List<T> tels, Function<T, String> address) {
        Set<String> seen = new HashSet<>();
        List<T> out = new ArrayList<>();
        for (T tel : tels) {
            if (seen.add(address.apply(tel))) {
                out.add(tel);
            }
        }
        return out;
    }
}
