package org.cusax.provisioning.directory;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Adds users from CSV (RFC 4180, Apache Commons CSV) with the header
 * {@code user_id,display_name,sip_aor,tels,password}: {@code tels} is {@code label:number} entries separated
 * by {@code ;}, {@code sip_aor} may be empty (default {@code sip:user_id}). Every row is checked first; if
 * any is bad, nothing is added and every problem is reported with its line.
 */
public final class DirectoryImport {
    private static final String[] HEADER = {"user_id", "display_name", "sip_aor", "tels", "password"};

    /** A checked row, ready to add. */
    private record Row(UserId id, String name, String aor, List<PhoneNumber> tels, char[] password) {
    }

    private DirectoryImport() {
    }

    /** Adds every user of {@code csv}; returns how many. Throws with every problem found, adding none. */
    public static int importCsv(Directory directory, Reader csv, String defaultDomain) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<UserId> seen = new HashSet<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).get();
        for (CSVRecord r : format.parse(csv)) {
            long line = r.getRecordNumber() + 1;
            try {
                if (r.size() != HEADER.length) {
                    throw new IllegalArgumentException("expected " + HEADER.length + " columns ("
                            + String.join(",", HEADER) + "), found " + r.size());
                }
                UserId id = UserId.parse(r.get("user_id"), defaultDomain);
                List<PhoneNumber> tels = new ArrayList<>();
                for (String t : r.get("tels").split(";")) {
                    if (!t.isBlank()) {
                        tels.add(PhoneNumber.parse(t));
                    }
                }
                String password = r.get("password");
                if (password.isEmpty()) {
                    throw new IllegalArgumentException("empty password");
                }
                if (!seen.add(id) || directory.find(id).isPresent()) {
                    throw new IllegalArgumentException("user " + id + " already exists");
                }
                String aor = r.get("sip_aor").isBlank() ? DirectoryUser.defaultAor(id) : r.get("sip_aor");
                new DirectoryUser(id, r.get("display_name"), aor, tels, true, 1);
                rows.add(new Row(id, r.get("display_name"), aor, tels, password.toCharArray()));
            } catch (IllegalArgumentException e) {
                problems.add("line " + line + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new DirectoryException("nothing imported:\n  " + String.join("\n  ", problems));
        }
        for (Row row : rows) {
            directory.add(row.id(), row.name(), row.aor(), row.tels(), row.password());
        }
        return rows.size();
    }
}
